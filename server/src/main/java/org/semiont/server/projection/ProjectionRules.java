package org.semiont.server.projection;

/**
 * The version of the rules that turn events into rows. When a rule changes what existing rows hold, this number goes
 * up, and the first start with the new rules rebuilds the projections from the log (the log is the truth; the rows
 * follow from it). Each change is listed here.
 * <ol>
 * <li>the rules before versions were recorded;</li>
 * <li>an annotation's creator shows a display name, never an e-mail address; password hashes in
 * {@code user_credentials}; annotations changed by someone record {@code modifiedBy}.</li>
 * </ol>
 */
public final class ProjectionRules {
    public static final int VERSION = 2;

    private ProjectionRules() {
    }
}

package org.semiont.schema;

/**
 * @param acceptDataLoss apply even when there are data-loss warnings
 * @param forceReset     drop and recreate the schema's namespaces first (everything in them is lost)
 * @param declaredOnly   touch only what the schema declares: tables, columns, indexes, foreign keys and enums it
 *                       does not declare are foreign objects, reported and left alone (the server's start-up sync);
 *                       false is {@code db push}: the database becomes exactly the schema
 */
public record PushOptions(boolean acceptDataLoss, boolean forceReset, boolean declaredOnly) {
    public PushOptions(boolean acceptDataLoss, boolean forceReset) {
        this(acceptDataLoss, forceReset, false);
    }

    public static PushOptions safe() {
        return new PushOptions(false, false);
    }

    /** Safe changes to declared objects only: what a server does by itself at start. */
    public static PushOptions declaredOnlySafe() {
        return new PushOptions(false, false, true);
    }
}

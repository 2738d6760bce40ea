package org.semiont.server.projection;

/** The projector could not apply events (a lost compare-and-set, or an unusable event). */
public final class ProjectionException extends RuntimeException {
    public ProjectionException(String message) {
        super(message);
    }

    public ProjectionException(String message, Throwable cause) {
        super(message, cause);
    }
}

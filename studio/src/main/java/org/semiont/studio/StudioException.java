package org.semiont.studio;

/** Why the studio refused a request: a stable code and a message for the person using it. */
public final class StudioException extends RuntimeException {
    private final StudioError error;

    public StudioException(StudioError error, String message) {
        super(message);
        this.error = error;
    }

    public StudioException(StudioError error, String message, Throwable cause) {
        super(message, cause);
        this.error = error;
    }

    public StudioError error() {
        return error;
    }
}

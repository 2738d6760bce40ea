package org.semiont.ops;

/** The one unchecked exception of the operations module; the CLI maps its {@link OpsError} to an exit code. */
public final class OpsException extends RuntimeException {
    private final OpsError error;

    public OpsException(OpsError error, String message) {
        super(message);
        this.error = error;
    }

    public OpsException(OpsError error, String message, Throwable cause) {
        super(message, cause);
        this.error = error;
    }

    public OpsError error() {
        return error;
    }
}

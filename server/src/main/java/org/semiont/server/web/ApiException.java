package org.semiont.server.web;

/** Thrown by handlers; becomes {@code {"error","code","details"?}} with the code's status. */
public final class ApiException extends RuntimeException {
    private final ApiError code;
    private final transient Object details;

    public ApiException(ApiError code, String message) {
        this(code, message, null);
    }

    public ApiException(ApiError code, String message, Object details) {
        super(message, null, false, false);
        this.code = code;
        this.details = details;
    }

    public ApiError code() {
        return code;
    }

    public Object details() {
        return details;
    }
}

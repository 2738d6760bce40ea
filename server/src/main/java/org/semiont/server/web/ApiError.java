package org.semiont.server.web;

/** Stable error codes of the HTTP API, with their status. Never reuse or renumber a retired code. */
public enum ApiError {
    BAD_REQUEST(400),
    INVALID_JSON(400),
    VALIDATION_FAILED(400),
    UNAUTHORIZED(401),
    /** A sign-in with an unknown e-mail, a wrong password or a deactivated account: one answer for all three. */
    INVALID_CREDENTIALS(401),
    FORBIDDEN(403),
    NOT_FOUND(404),
    METHOD_NOT_ALLOWED(405),
    NOT_ACCEPTABLE(406),
    CONFLICT(409),
    PRECONDITION_FAILED(412),
    PAYLOAD_TOO_LARGE(413),
    URI_TOO_LONG(414),
    UNSUPPORTED_MEDIA_TYPE(415),
    PRECONDITION_REQUIRED(428),
    TOO_MANY_REQUESTS(429),
    HEADERS_TOO_LARGE(431),
    INTERNAL_ERROR(500),
    /** Stored content whose bytes no longer match their content address (damaged on disk). */
    CONTENT_CORRUPTED(500),
    SERVICE_UNAVAILABLE(503),
    /** The request's Host header names a host this server does not serve ({@code SEMIONT_ALLOWED_HOSTS}). */
    MISDIRECTED_REQUEST(421);

    private final int status;

    ApiError(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** The general code for a status that an error raised outside our handlers carries (Javalin's, Jetty's). */
    public static ApiError forStatus(int status) {
        return switch (status) {
            case 400 -> BAD_REQUEST;
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 414 -> URI_TOO_LONG;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 421 -> MISDIRECTED_REQUEST;
            case 429 -> TOO_MANY_REQUESTS;
            case 431 -> HEADERS_TOO_LARGE;
            case 503 -> SERVICE_UNAVAILABLE;
            default -> status >= 500 ? INTERNAL_ERROR : BAD_REQUEST;
        };
    }
}

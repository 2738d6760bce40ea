package org.semiont.studio;

/** Stable codes of what the studio refuses, with the HTTP status each answers with. Never reused. */
public enum StudioError {
    SIGN_IN_REQUIRED(401),
    SIGN_IN_FAILED(401),
    NOT_ALLOWED(403),
    CSRF_TOKEN_INVALID(403),
    READ_ONLY(403),
    NOT_EVENT_SOURCED_HERE(403),
    UNKNOWN_MODEL(404),
    ROW_NOT_FOUND(404),
    INVALID_REQUEST(400),
    QUERY_FAILED(400),
    EDIT_CONFLICT(409),
    DOMAIN_REFUSED(422);

    private final int status;

    StudioError(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }
}

package org.semiont.server.error;

/**
 * A domain fact that ends an operation: what was asked for is not there, clashes with what is, is not valid, or
 * cannot be done right now. Carries a stable code (never reused); the edges decide what it becomes: the HTTP
 * status in {@code http.ErrorMapper}, the exit code in the CLI's {@code DomainExits}.
 */
public final class DomainException extends RuntimeException {
    /** The kinds of domain failure. */
    public enum Kind { NOT_FOUND, CONFLICT, INVALID, UNAVAILABLE }

    private final Kind kind;
    private final String code;
    private final transient Object details;

    private DomainException(Kind kind, String code, String message, Object details) {
        super(message, null, false, false);
        this.kind = kind;
        this.code = code;
        this.details = details;
    }

    public static DomainException notFound(String message) {
        return new DomainException(Kind.NOT_FOUND, "NOT_FOUND", message, null);
    }

    public static DomainException conflict(String message) {
        return conflict(message, null);
    }

    public static DomainException conflict(String message, Object details) {
        return new DomainException(Kind.CONFLICT, "CONFLICT", message, details);
    }

    /** Input that breaks a rule; {@code code} names which kind ({@code VALIDATION_FAILED}, {@code BAD_REQUEST}). */
    public static DomainException invalid(String code, String message) {
        return invalid(code, message, null);
    }

    public static DomainException invalid(String code, String message, Object details) {
        return new DomainException(Kind.INVALID, code, message, details);
    }

    public static DomainException unavailable(String message) {
        return new DomainException(Kind.UNAVAILABLE, "SERVICE_UNAVAILABLE", message, null);
    }

    public Kind kind() {
        return kind;
    }

    /** The stable code clients and scripts may rely on. */
    public String code() {
        return code;
    }

    public Object details() {
        return details;
    }
}

package org.semiont.server.error;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A domain fact that ends an operation: what was asked for is not there, clashes with what is, is not valid, cannot
 * be done right now, comes from someone unknown or not allowed, names a version that is no longer current, comes too
 * often, or brings content the server does not take. Carries a stable code (never reused); the edges decide what it
 * becomes: the HTTP status in {@code web.ErrorMapper}, the exit code in the CLI's {@code DomainExits}.
 */
public final class DomainException extends RuntimeException {
    /** The kinds of domain failure. */
    public enum Kind {
        NOT_FOUND,
        CONFLICT,
        INVALID,
        UNAVAILABLE,
        /** Who is asking is not known: no credential, a refused one, or a wrong password. */
        UNAUTHENTICATED,
        /** Who is asking is known and may not do this. */
        DENIED,
        /** The change names a version of its object (an ETag) that is no longer the current one. */
        STALE,
        /** A change that must name the version it replaces came without one. */
        VERSION_REQUIRED,
        /** Too many attempts; {@link #retryAfter()} says when to come back, if known. */
        THROTTLED,
        /** Content in a format or encoding the server does not take. */
        UNSUPPORTED,
        /** None of the representations the caller accepts can be given. */
        UNACCEPTABLE,
        /** Content beyond the size the server takes. */
        TOO_LARGE,
        /** Stored data that no longer matches its checksum. */
        CORRUPTED
    }

    private final Kind kind;
    private final String code;
    private final transient Object details;
    private final transient Duration retryAfter;

    private DomainException(Kind kind, String code, String message, Object details, Duration retryAfter) {
        super(message, null, false, false);
        this.kind = kind;
        this.code = code;
        this.details = details;
        this.retryAfter = retryAfter;
    }

    private DomainException(Kind kind, String code, String message, Object details) {
        this(kind, code, message, details, null);
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

    /** {@code code}: {@code UNAUTHORIZED} (no or a refused credential) or {@code INVALID_CREDENTIALS} (a sign-in). */
    public static DomainException unauthenticated(String code, String message) {
        return new DomainException(Kind.UNAUTHENTICATED, code, message, null);
    }

    public static DomainException denied(String message) {
        return new DomainException(Kind.DENIED, "FORBIDDEN", message, null);
    }

    public static DomainException stale(String message) {
        return new DomainException(Kind.STALE, "PRECONDITION_FAILED", message, null);
    }

    public static DomainException versionRequired(String message) {
        return new DomainException(Kind.VERSION_REQUIRED, "PRECONDITION_REQUIRED", message, null);
    }

    /** Too many attempts; the wait (if given) is also in the details as {@code retryAfter} seconds. */
    public static DomainException throttled(String message, Duration retryAfter) {
        return new DomainException(Kind.THROTTLED, "TOO_MANY_REQUESTS", message,
                retryAfter == null ? null : Map.of("retryAfter", retryAfter.toSeconds()), retryAfter);
    }

    public static DomainException unsupported(String message) {
        return new DomainException(Kind.UNSUPPORTED, "UNSUPPORTED_MEDIA_TYPE", message, null);
    }

    public static DomainException unacceptable(String message) {
        return new DomainException(Kind.UNACCEPTABLE, "NOT_ACCEPTABLE", message, null);
    }

    public static DomainException tooLarge(String message) {
        return new DomainException(Kind.TOO_LARGE, "PAYLOAD_TOO_LARGE", message, null);
    }

    public static DomainException corrupted(String message) {
        return new DomainException(Kind.CORRUPTED, "CONTENT_CORRUPTED", message, null);
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

    /** When a throttled caller may come back. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}

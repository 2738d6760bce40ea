package org.semiont.events;

/**
 * What an appender believes the stream's version (last sequence number, 0 = no events) to be.
 * {@link #any()} skips the check, {@link #noStream()} requires an empty stream,
 * {@link #exactly(long)} requires that exact version.
 */
public record ExpectedVersion(Kind kind, long version) {
    public enum Kind { ANY, NO_STREAM, EXACT }

    private static final ExpectedVersion ANY = new ExpectedVersion(Kind.ANY, -1);
    private static final ExpectedVersion NO_STREAM = new ExpectedVersion(Kind.NO_STREAM, 0);

    public ExpectedVersion {
        if (kind == null) {
            throw new IllegalArgumentException("expected version kind is required");
        }
        if (kind == Kind.EXACT && version < 0) {
            throw new EventsException(EventsError.INVALID_EVENT,
                    "expected version must be >= 0, got " + version);
        }
    }

    public static ExpectedVersion any() {
        return ANY;
    }

    public static ExpectedVersion noStream() {
        return NO_STREAM;
    }

    public static ExpectedVersion exactly(long version) {
        return new ExpectedVersion(Kind.EXACT, version);
    }

    /** True when a stream at {@code actual} satisfies this expectation. */
    public boolean matches(long actual) {
        switch (kind) {
            case ANY:
                return true;
            case NO_STREAM:
                return actual == 0;
            default:
                return actual == version;
        }
    }

    @Override
    public String toString() {
        switch (kind) {
            case ANY:
                return "any";
            case NO_STREAM:
                return "no stream";
            default:
                return "version " + version;
        }
    }
}

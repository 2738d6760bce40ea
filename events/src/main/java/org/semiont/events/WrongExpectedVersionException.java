package org.semiont.events;

/** An append whose expected version did not match the stream; the HTTP layer answers 409. */
public final class WrongExpectedVersionException extends EventsException {
    private final String streamId;
    private final ExpectedVersion expected;
    private final long actual;

    public WrongExpectedVersionException(String streamId, ExpectedVersion expected, long actual) {
        super(EventsError.STREAM_VERSION_CONFLICT, "stream '" + streamId + "' is at version " + actual
                + " but the append expected " + expected + "; re-read the stream and retry");
        this.streamId = streamId;
        this.expected = expected;
        this.actual = actual;
    }

    public String streamId() {
        return streamId;
    }

    public ExpectedVersion expected() {
        return expected;
    }

    /** The stream's current version: its last sequence number, 0 when it has no events. */
    public long actual() {
        return actual;
    }
}

package org.semiont.events;

/**
 * Told of each stream as {@link EventLog#verify(String, VerifyProgress)} finishes it, so a caller can show how far a
 * long verification has come. Streams are verified in parallel: an implementation must be thread-safe.
 */
@FunctionalInterface
public interface VerifyProgress {
    VerifyProgress NONE = (streamId, events, bytes) -> {
    };

    /** One stream is verified: {@code events} events and {@code bytes} bytes of it were read. */
    void streamVerified(String streamId, long events, long bytes);
}

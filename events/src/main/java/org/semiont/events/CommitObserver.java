package org.semiont.events;

/**
 * Told about each group commit once it is durable, on the committing thread: how many events and bytes it wrote and
 * how long the global log's fsync took. For metrics; it must be quick and never block or throw. {@link #NONE} is
 * chosen once when nobody watches, so the commit path never checks a flag.
 */
public interface CommitObserver {
    CommitObserver NONE = (events, bytes, fsyncNanos) -> { };

    void committed(int events, long bytes, long fsyncNanos);
}

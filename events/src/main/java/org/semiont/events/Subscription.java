package org.semiont.events;

import java.util.Optional;

/** A live subscription; close it to stop delivery. */
public interface Subscription extends AutoCloseable {
    /** False once closed or after the handler threw. */
    boolean isActive();

    /** What the handler threw, if it ended the subscription. */
    Optional<Throwable> failure();

    /** Sequence (stream subscriptions) or global position (global ones) of the next event to deliver. */
    long nextToDeliver();

    @Override
    void close();
}

package org.semiont.events;

import java.util.List;

/**
 * Takes over waking the threads parked in {@link EventLog#append} once their events are durable (see
 * {@link EventLog#deferWakeUps}). A writer that waits for something else after its append (a projection) can then be
 * woken once, when that is done, instead of twice. Whoever takes this over must wake every appender handed to it;
 * an appender nobody wakes still notices its commit within {@link #SAFETY_NET_MILLIS}.
 */
public interface AppenderWakeUps {
    long SAFETY_NET_MILLIS = 50;

    /** A parked appender and the global position of its last event. */
    record Parked(Thread thread, long lastPosition) {
    }

    /** Called on the committing thread, in commit order, before the batch goes to {@link EventLog#onCommit} listeners. */
    void committed(List<Parked> appenders);
}

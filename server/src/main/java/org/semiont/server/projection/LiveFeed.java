package org.semiont.server.projection;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.semiont.events.StoredEvent;

/**
 * The batches the log hands the projector in memory as it writes them ({@link org.semiont.events.EventLog#onWrite}). The
 * log calls {@link #accept} on its committing thread, so it never blocks: past {@code maxQueuedEvents} a batch is
 * dropped, and the projector, seeing the gap ({@link #addNew} returns false), reads those events from the log.
 */
final class LiveFeed implements Consumer<List<StoredEvent>> {
    private final BlockingQueue<List<StoredEvent>> batches = new LinkedBlockingQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final int maxQueuedEvents;

    LiveFeed(int maxQueuedEvents) {
        this.maxQueuedEvents = maxQueuedEvents;
    }

    @Override
    public void accept(List<StoredEvent> batch) {
        if (queued.get() >= maxQueuedEvents) {
            return;
        }
        queued.addAndGet(batch.size());
        batches.add(batch);
    }

    /** The oldest batch handed over, waiting up to {@code waitNanos} for one; null if none came. */
    List<StoredEvent> take(long waitNanos) throws InterruptedException {
        return taken(batches.poll(waitNanos, TimeUnit.NANOSECONDS));
    }

    /** The oldest batch handed over, or null if there is none now. */
    List<StoredEvent> take() {
        return taken(batches.poll());
    }

    private List<StoredEvent> taken(List<StoredEvent> b) {
        if (b != null) {
            queued.addAndGet(-b.size());
        }
        return b;
    }

    /**
     * Appends to {@code batch} the events of {@code handed} that follow it (or follow {@code applied} when it is
     * empty), skipping those already there; false at a gap, leaving {@code batch} contiguous.
     */
    static boolean addNew(List<StoredEvent> batch, List<StoredEvent> handed, long applied) {
        long next = (batch.isEmpty() ? applied : batch.get(batch.size() - 1).position()) + 1;
        for (StoredEvent e : handed) {
            if (e.position() == next) {
                batch.add(e);
                next++;
            } else if (e.position() > next) {
                return false;
            }
        }
        return true;
    }
}

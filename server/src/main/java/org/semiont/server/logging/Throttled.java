package org.semiont.server.logging;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * At most one log line per interval for one kind of repeated event; the events in between are counted and the next
 * line says how many there were. A client that retries in a loop against a stopped event log (or a damaged file)
 * otherwise writes a line per request and rotates the line that explains the failure out of the log files.
 */
public final class Throttled {
    /** Returned by {@link #admit} when this occurrence is not to be logged. */
    public static final long SUPPRESSED = -1;
    private final long intervalNanos;
    private final LongSupplier clock;
    private final AtomicLong suppressed = new AtomicLong();
    private final AtomicLong nextLineAt;

    public Throttled(Duration interval) {
        this(interval, System::nanoTime);
    }

    Throttled(Duration interval, LongSupplier nanoClock) {
        this.intervalNanos = interval.toNanos();
        this.clock = nanoClock;
        this.nextLineAt = new AtomicLong(nanoClock.getAsLong());
    }

    /**
     * Counts one occurrence. Returns {@link #SUPPRESSED} when it is not to be logged, else how many occurrences were
     * suppressed since the last line (0 for the first): the caller logs this one and says so.
     */
    public long admit() {
        long now = clock.getAsLong();
        long due = nextLineAt.get();
        if (now - due >= 0 && nextLineAt.compareAndSet(due, now + intervalNanos)) {
            return suppressed.getAndSet(0);
        }
        suppressed.incrementAndGet();
        return SUPPRESSED;
    }

    /** {@code ""}, or words to append to the line saying how many occurrences it stands for. */
    public String since(long suppressedCount) {
        return suppressedCount <= 0 ? "" : " (and " + suppressedCount + " more like it since the last such line, which come "
                + "at most every " + Duration.ofNanos(intervalNanos).toSeconds() + " s)";
    }
}

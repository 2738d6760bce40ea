package org.semiont.studio.events;

import java.util.concurrent.atomic.AtomicLong;
import org.semiont.events.VerifyProgress;
import org.semiont.events.VerifyReport;

/**
 * One {@code events verify} of the whole log, running in the background: told of each stream as it is verified, so
 * {@link #progress()} can say how far it has come at any moment, and ending with a report or a failure.
 */
public final class VerifyRun implements VerifyProgress {
    private final long id;
    private final long totalStreams;
    private final long totalEvents;
    private final long startNanos;
    private final AtomicLong streams = new AtomicLong();
    private final AtomicLong events = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private volatile VerifyReport report;
    private volatile String failure;
    private volatile long endNanos;

    VerifyRun(long id, long totalStreams, long totalEvents, long startNanos) {
        this.id = id;
        this.totalStreams = totalStreams;
        this.totalEvents = totalEvents;
        this.startNanos = startNanos;
    }

    /** How far a run has come; {@code etaSeconds} is -1 while unknown (nothing verified yet) and 0 once done. */
    public record Progress(long run, long streams, long totalStreams, long events, long totalEvents, long bytes, int percent,
                           long elapsedMillis, long etaSeconds, boolean done, VerifyReport report, String failure) {
        public boolean clean() {
            return report != null && report.clean();
        }
    }

    public long id() {
        return id;
    }

    @Override
    public void streamVerified(String streamId, long eventCount, long byteCount) {
        streams.incrementAndGet();
        events.addAndGet(eventCount);
        bytes.addAndGet(byteCount);
    }

    void finished(VerifyReport r, long nanos) {
        endNanos = nanos;
        report = r;
    }

    void failed(String why, long nanos) {
        endNanos = nanos;
        failure = why;
    }

    public boolean done() {
        return report != null || failure != null;
    }

    /** The progress now ({@code nowNanos} on the clock the run started by). */
    public Progress progress(long nowNanos) {
        boolean done = done();
        long s = streams.get();
        long e = events.get();
        double fraction = totalEvents > 0 ? (double) e / totalEvents : totalStreams > 0 ? (double) s / totalStreams : 0;
        int percent = done ? 100 : (int) Math.min(99, Math.floor(fraction * 100));
        long elapsed = (done ? endNanos : nowNanos) - startNanos;
        long eta = done ? 0 : fraction <= 0 ? -1 : Math.round(elapsed / 1e9 * (1 - Math.min(1, fraction)) / fraction);
        return new Progress(id, s, totalStreams, e, totalEvents, bytes.get(), percent, elapsed / 1_000_000, eta, done, report,
                failure);
    }
}

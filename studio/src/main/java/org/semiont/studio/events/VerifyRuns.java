package org.semiont.studio.events;

import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import org.semiont.events.EventLog;

/**
 * The studio's {@code events verify} runs, one at a time: asking for a run while one is going joins it. The last run
 * stays readable (its progress and result) until the next starts.
 */
public final class VerifyRuns {
    private final EventLog log;
    private final Executor executor;
    private final LongSupplier nanos;
    private VerifyRun current;
    private long lastId;

    public VerifyRuns(EventLog log, Executor executor, LongSupplier nanos) {
        this.log = log;
        this.executor = executor;
        this.nanos = nanos;
    }

    /** Runs on a daemon thread of their own. */
    public static VerifyRuns background(EventLog log) {
        return new VerifyRuns(log, task -> {
            Thread t = new Thread(task, "studio-events-verify");
            t.setDaemon(true);
            t.start();
        }, System::nanoTime);
    }

    /** The running verification, or a new one when none runs. */
    public synchronized VerifyRun startOrJoin() {
        if (current != null && !current.done()) {
            return current;
        }
        VerifyRun run = new VerifyRun(++lastId, log.streamIds().size(), log.lastPosition(), nanos.getAsLong());
        current = run;
        executor.execute(() -> {
            try {
                run.finished(log.verify(null, run), nanos.getAsLong());
            } catch (RuntimeException e) {
                run.failed(e.getMessage() == null ? e.toString() : e.getMessage(), nanos.getAsLong());
            }
        });
        return run;
    }

    /** The running or last run. */
    public synchronized Optional<VerifyRun> current() {
        return Optional.ofNullable(current);
    }

    public long now() {
        return nanos.getAsLong();
    }
}

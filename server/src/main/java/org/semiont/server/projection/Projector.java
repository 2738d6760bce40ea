package org.semiont.server.projection;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.semiont.events.AppenderWakeUps;
import org.semiont.events.EventLog;
import org.semiont.events.StoredEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the global event log, in position order, to PostgreSQL. It first reads the log from the stored checkpoint
 * (catch-up); from then on the log hands it each committed batch in memory, as it commits ({@link EventLog#onCommit}),
 * so live events are neither re-read nor passed through another thread. A gap in what it is handed (a batch dropped
 * while it was behind) sends it back to the log. One thread applies the events in batches, one transaction per
 * batch, and advances the checkpoint by compare-and-set in that same transaction. Writers wait with
 * {@link #awaitApplied} for their own events, which gives read-your-writes; under load many writers share one
 * transaction.
 */
public final class Projector implements AutoCloseable {
    public static final String NAME = "main";
    static final int MAX_BATCH = 1000;
    /** Committed events held in memory for the projector; beyond this, batches are dropped and read from the log. */
    static final int MAX_QUEUED_EVENTS = 100_000;
    /** How long a batch may wait for the events of writers still appending: well under one fsync plus a request. */
    private static final long GATHER_NANOS = 1_000_000;
    private static final long GATHER_POLL_NANOS = 100_000;
    private static final long IDLE_POLL_MS = 200;
    private static final long LOG_RETRY_MS = 1_000;
    private static final Logger log = LoggerFactory.getLogger(Projector.class);

    private final DataSource pool;
    private final EventLog events;
    private final List<Projection> projections;
    private final Clock clock;
    private final CommitFeed live;
    private final Queue<Waiter> waiters = new ConcurrentLinkedQueue<>();
    /** Appenders still parked in the log's append, in position order: woken once their events are applied. */
    private final Queue<AppenderWakeUps.Parked> parkedAppenders = new ConcurrentLinkedQueue<>();
    private final AtomicInteger writersInFlight = new AtomicInteger();
    private volatile long applied;
    private final AtomicInteger logReads = new AtomicInteger();
    private volatile boolean running;
    private volatile String lastFailure;
    private AutoCloseable listener;
    private Thread thread;

    public Projector(DataSource pool, EventLog events, List<Projection> projections, Clock clock) {
        this(pool, events, projections, clock, MAX_QUEUED_EVENTS);
    }

    Projector(DataSource pool, EventLog events, List<Projection> projections, Clock clock, int maxQueuedEvents) {
        this.live = new CommitFeed(maxQueuedEvents);
        this.pool = pool;
        this.events = events;
        this.projections = List.copyOf(projections);
        this.clock = clock;
    }

    /** Reads the checkpoint and starts applying everything after it (catch-up from the log, then live). */
    public void start() {
        try (Connection c = pool.getConnection()) {
            applied = Checkpoints.read(c, NAME);
        } catch (SQLException e) {
            throw new ProjectionException("cannot read the projection checkpoint: " + e.getMessage(), e);
        }
        running = true;
        // listening before the catch-up reads the log leaves no batch between the two
        listener = events.onCommit(live);
        // a writer waits for its commit and then for its projection: woken once, after both, it saves a thread switch
        events.deferWakeUps(this::parkedUntilApplied);
        thread = new Thread(this::run, "semiont-projector");
        thread.setDaemon(true);
        thread.start();
        log.info("Projector starts after global position {} (log is at {})", applied, events.lastPosition());
    }

    /** The last global position whose effects are visible in PostgreSQL. */
    public long appliedPosition() {
        return applied;
    }

    /**
     * Blocks until {@code position} is applied; false on timeout. Each waiter parks on its own and the projector
     * wakes only those its batch satisfied: with one shared monitor every batch woke every writer, and the
     * wake-ups cost more CPU than the writes.
     */
    public boolean awaitApplied(long position, Duration timeout) throws InterruptedException {
        if (applied >= position) {
            return true;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        Waiter me = new Waiter(position, Thread.currentThread());
        waiters.add(me);
        try {
            while (applied < position) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !running) {
                    return applied >= position;
                }
                LockSupport.parkNanos(this, left);
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
            return true;
        } finally {
            waiters.remove(me);
        }
    }

    private record Waiter(long position, Thread thread) {
    }

    private void wakeWaiters(boolean all) {
        for (Waiter w : waiters) {
            if (all || w.position <= applied) {
                LockSupport.unpark(w.thread);
            }
        }
        wakeAppenders(all);
    }

    private void parkedUntilApplied(List<AppenderWakeUps.Parked> appenders) {
        parkedAppenders.addAll(appenders);
        wakeAppenders(!running); // these may be applied already (read from the log before they were handed over)
    }

    private void wakeAppenders(boolean all) {
        AppenderWakeUps.Parked p;
        while ((p = parkedAppenders.peek()) != null && (all || p.lastPosition() <= applied)) {
            if (parkedAppenders.remove(p)) {
                LockSupport.unpark(p.thread());
            }
        }
    }

    /** How often the projector has read the log to catch up: once at start, then once per gap in what it was handed. */
    int logReads() {
        return logReads.get();
    }

    /** Why the last batch failed, if the projector is currently retrying. */
    public String lastFailure() {
        return lastFailure;
    }

    private void run() {
        List<StoredEvent> batch = new ArrayList<>(MAX_BATCH);
        boolean behind = true; // first catch up from the log
        while (running) {
            try {
                if (behind) {
                    catchUpFromLog();
                    behind = false;
                }
                List<StoredEvent> first = live.take(TimeUnit.MILLISECONDS.toNanos(IDLE_POLL_MS));
                if (first == null) {
                    behind = events.lastPosition() > applied; // idle, yet behind: a dropped batch was the last one
                    continue;
                }
                batch.clear();
                boolean contiguous = CommitFeed.addNew(batch, first, applied) && gather(batch);
                if (!batch.isEmpty()) {
                    applyUntilDone(batch);
                }
                behind = !contiguous;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                lastFailure = "reading the event log: " + e.getMessage();
                log.error("The projector could not read the event log after position {}; retrying in {} ms", applied,
                        LOG_RETRY_MS, e);
                behind = true;
                try {
                    Thread.sleep(LOG_RETRY_MS);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Applies everything the log has after {@link #applied}, in batches, until it has no more. */
    private void catchUpFromLog() throws InterruptedException {
        logReads.incrementAndGet();
        List<StoredEvent> chunk = new ArrayList<>(MAX_BATCH);
        try (Stream<StoredEvent> all = events.readAll(applied + 1)) {
            Iterator<StoredEvent> it = all.iterator();
            while (running && it.hasNext()) {
                chunk.add(it.next());
                if (chunk.size() == MAX_BATCH || !it.hasNext()) {
                    applyUntilDone(chunk);
                    chunk.clear();
                }
            }
        }
    }

    /**
     * Takes the batches already handed over and, while more writers are between their append and its projection
     * than the batch holds, waits a little for theirs too. Cutting batches at whatever had arrived made 40% of them
     * single events under load, each paying a whole transaction. False at a gap.
     */
    private boolean gather(List<StoredEvent> batch) throws InterruptedException {
        long gatherUntil = System.nanoTime() + GATHER_NANOS;
        while (batch.size() < MAX_BATCH) {
            List<StoredEvent> more = live.take(0);
            if (more == null) {
                boolean coming = writersInFlight.get() > batch.size() && System.nanoTime() < gatherUntil;
                if (!coming) {
                    return true;
                }
                more = live.take(GATHER_POLL_NANOS);
                if (more == null) {
                    continue;
                }
            }
            if (!CommitFeed.addNew(batch, more, applied)) {
                return false;
            }
        }
        return true;
    }

    /** A writer is about to append and will wait for its events ({@link #awaitApplied}); pair with {@link #writerDone}. */
    public void writerStarts() {
        writersInFlight.incrementAndGet();
    }

    public void writerDone() {
        writersInFlight.decrementAndGet();
    }

    /** Retries a failed batch after a pause: the log is the truth, so the projection must not skip events. */
    private void applyUntilDone(List<StoredEvent> batch) throws InterruptedException {
        long pause = 100;
        while (running) {
            try {
                apply(batch);
                lastFailure = null;
                return;
            } catch (SQLException | RuntimeException e) {
                lastFailure = e.getMessage();
                log.error("Projecting events {}..{} failed; retrying in {} ms", batch.get(0).position(),
                        batch.get(batch.size() - 1).position(), pause, e);
                Thread.sleep(pause);
                pause = Math.min(5_000, pause * 2);
            }
        }
    }

    private void apply(List<StoredEvent> batch) throws SQLException {
        long from = applied;
        long to = batch.get(batch.size() - 1).position();
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                BatchApplier.apply(c, projections, batch, from);
                Checkpoints.advance(c, NAME, from, to, clock.instant());
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                projections.forEach(Projection::afterRollback);
                throw e;
            }
        }
        projections.forEach(p -> p.afterCommit(batch));
        applied = to;
        wakeWaiters(false);
    }

    @Override
    public void close() {
        running = false;
        events.deferWakeUps(null);
        if (listener != null) {
            try {
                listener.close();
            } catch (Exception e) {
                log.warn("Could not stop listening to the event log", e);
            }
        }
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        wakeWaiters(true);
    }
}

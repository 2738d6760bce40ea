package org.semiont.server.projection;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import org.semiont.events.EventLog;
import org.semiont.events.StoredEvent;
import org.semiont.events.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the global event log, in position order, to PostgreSQL. Events arrive through a catch-up
 * subscription from the stored checkpoint; one thread applies them in batches, one transaction per
 * batch, and advances the checkpoint by compare-and-set in that same transaction. Writers wait with
 * {@link #awaitApplied} for their own events, which gives read-your-writes; under load many writers
 * share one transaction.
 */
public final class Projector implements AutoCloseable {
    public static final String NAME = "main";
    static final int MAX_BATCH = 1000;
    /** How long to wait for an event the log has committed but the subscription has not delivered yet. */
    private static final long COLLECT_WAIT_NANOS = 2_000_000;
    /** How long a batch may wait for the events of writers still appending: well under one fsync plus a request. */
    private static final long GATHER_NANOS = 1_000_000;
    private static final long GATHER_POLL_NANOS = 100_000;
    private static final Logger log = LoggerFactory.getLogger(Projector.class);

    private final DataSource pool;
    private final EventLog events;
    private final List<Projection> projections;
    private final Clock clock;
    private final BlockingQueue<StoredEvent> queue = new LinkedBlockingQueue<>(100_000);
    private final Queue<Waiter> waiters = new ConcurrentLinkedQueue<>();
    private final AtomicInteger writersInFlight = new AtomicInteger();
    private volatile long applied;
    private volatile boolean running;
    private volatile String lastFailure;
    private Subscription subscription;
    private Thread thread;

    public Projector(DataSource pool, EventLog events, List<Projection> projections, Clock clock) {
        this.pool = pool;
        this.events = events;
        this.projections = List.copyOf(projections);
        this.clock = clock;
    }

    /** Reads the checkpoint and starts applying everything after it (catch-up, then live). */
    public void start() {
        try (Connection c = pool.getConnection()) {
            applied = Checkpoints.read(c, NAME);
        } catch (SQLException e) {
            throw new ProjectionException("cannot read the projection checkpoint: " + e.getMessage(), e);
        }
        running = true;
        thread = new Thread(this::run, "semiont-projector");
        thread.setDaemon(true);
        thread.start();
        subscription = events.subscribeAll(applied + 1, queue::put);
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
    }

    /** Why the last batch failed, if the projector is currently retrying. */
    public String lastFailure() {
        return lastFailure;
    }

    private void run() {
        List<StoredEvent> batch = new ArrayList<>(MAX_BATCH);
        while (running) {
            try {
                StoredEvent first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.clear();
                batch.add(first);
                collectCommitted(batch);
                applyUntilDone(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Takes every event already committed to the log, not only those the subscription has handed over yet (it
     * delivers one at a time), and, while more writers are between their append and its projection than the
     * batch holds, waits a little for their events too. Cutting batches at whatever had arrived made 40% of them
     * single events under load, each paying a whole transaction.
     */
    private void collectCommitted(List<StoredEvent> batch) throws InterruptedException {
        long committed = Math.min(events.lastPosition(), batch.get(0).position() + MAX_BATCH - 1);
        queue.drainTo(batch, MAX_BATCH - batch.size());
        long gatherUntil = System.nanoTime() + GATHER_NANOS;
        while (batch.size() < MAX_BATCH) {
            boolean owed = batch.get(batch.size() - 1).position() < committed;
            boolean coming = writersInFlight.get() > batch.size() && System.nanoTime() < gatherUntil;
            if (!owed && !coming) {
                return;
            }
            StoredEvent next = queue.poll(owed ? COLLECT_WAIT_NANOS : GATHER_POLL_NANOS, TimeUnit.NANOSECONDS);
            if (next == null) {
                if (owed) {
                    return;
                }
                continue;
            }
            batch.add(next);
            queue.drainTo(batch, MAX_BATCH - batch.size());
        }
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
        if (subscription != null) {
            subscription.close();
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

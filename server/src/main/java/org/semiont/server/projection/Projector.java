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
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.semiont.events.AppenderWakeUps;
import org.semiont.events.EventLog;
import org.semiont.events.StoredEvent;
import org.semiont.server.db.DatabaseOutage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the global event log, in position order, to PostgreSQL. It first reads the log from the stored checkpoint
 * (catch-up); from then on the log hands it each batch in memory as soon as it is written ({@link EventLog#onWrite}),
 * so live events are neither re-read nor passed through another thread, and their projection runs while the log's
 * fsync does: only the commit waits until the log has made the batch durable, so the projection is never ahead of
 * the log. A gap in what it is handed (a batch dropped while it was behind) sends it back to the log. One thread
 * applies the events in batches, one transaction per batch, and advances the checkpoint by compare-and-set in that
 * same transaction (sent with its COMMIT; when the batch is durable by then, its last inserts go in that message too,
 * so the whole batch costs one round trip). Writers wait with {@link #awaitApplied} for their own events, which gives
 * read-your-writes; under load many writers share one transaction.
 */
public final class Projector implements AutoCloseable {
    public static final String NAME = "main";
    static final int MAX_BATCH = 1000;
    /** Events handed over and held in memory for the projector; beyond this, batches are dropped and read from the log. */
    static final int MAX_QUEUED_EVENTS = 100_000;
    private static final long IDLE_POLL_MS = 200;
    private static final long LOG_RETRY_MS = 1_000;
    /** A commit of the log wakes a projector waiting for it; this bounds the wait if that wake-up is missed. */
    private static final long DURABLE_POLL_NANOS = 1_000_000;
    private static final Logger log = LoggerFactory.getLogger(Projector.class);

    private final DataSource pool;
    private final EventLog events;
    private final List<Projection> projections;
    private final Clock clock;
    private final LiveFeed live;
    private final Queue<Waiter> waiters = new ConcurrentLinkedQueue<>();
    /** Appenders still parked in the log's append, in position order: woken once their events are applied. */
    private final Queue<AppenderWakeUps.Parked> parkedAppenders = new ConcurrentLinkedQueue<>();
    private volatile long applied;
    private final AtomicInteger logReads = new AtomicInteger();
    private final AtomicLong oneMessageCommits = new AtomicLong();
    private final AtomicLong commits = new AtomicLong();
    private volatile boolean running;
    private volatile String lastFailure;
    private final List<AutoCloseable> listeners = new ArrayList<>();
    private volatile boolean awaitingDurable;
    private volatile Thread thread;
    private volatile BlockedEvent blocked;
    private volatile SkippedEvents skips = SkippedEvents.none();
    private volatile ProjectorObserver observer = ProjectorObserver.NONE;

    public Projector(DataSource pool, EventLog events, List<Projection> projections, Clock clock) {
        this(pool, events, projections, clock, MAX_QUEUED_EVENTS);
    }

    Projector(DataSource pool, EventLog events, List<Projection> projections, Clock clock, int maxQueuedEvents) {
        this.live = new LiveFeed(maxQueuedEvents);
        this.pool = pool;
        this.events = events;
        this.projections = List.copyOf(projections);
        this.clock = clock;
    }

    /**
     * Claims the checkpoint for this log ({@link LogBinding}: refused when the database follows another log, or has
     * seen more of this one than it holds) and starts applying everything after it (catch-up, then live).
     */
    public void start() {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                applied = LogBinding.claim(c, NAME, events.logId(), events.lastPosition(), clock.instant());
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new ProjectionException("cannot read the projection checkpoint: " + e.getMessage(), e);
        }
        skips = SkippedEvents.load(events);
        running = true;
        thread = new Thread(this::run, "semiont-projector");
        // listening before the catch-up reads the log leaves no batch between the two
        listeners.add(events.onWrite(live));
        listeners.add(events.onCommit(batch -> {
            if (awaitingDurable) {
                LockSupport.unpark(thread);
            }
        }));
        // a writer waits for its commit and then for its projection: woken once, after both, it saves a thread switch
        events.deferWakeUps(this::parkedUntilApplied);
        thread.setDaemon(true);
        thread.start();
        log.info("Projector starts after global position {} (log is at {})", applied, events.lastPosition());
    }

    /** Who is told about applied batches and retries (metrics); call before {@link #start}. */
    public void observe(ProjectorObserver o) {
        observer = o;
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

    /** Batches committed so far, and how many of them sent their last writes with the COMMIT in one message. */
    long commits() {
        return commits.get();
    }

    long oneMessageCommits() {
        return oneMessageCommits.get();
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
                boolean contiguous = LiveFeed.addNew(batch, first, applied) && gather(batch);
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
     * Takes the batches already handed over, without waiting for more: batches reach the projector before their fsync,
     * so the writers of the next batch append while this one is applied. Waiting for writers still appending (up to
     * 1 ms) made batches larger but left the projector idle for over a third of its time, and it sets the pace. False at
     * a gap.
     */
    private boolean gather(List<StoredEvent> batch) {
        List<StoredEvent> more;
        while (batch.size() < MAX_BATCH && (more = live.take()) != null) {
            if (!LiveFeed.addNew(batch, more, applied)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Applies a batch, retrying after a pause: the log is the truth, so the projection never passes over an event by
     * itself. When a batch fails for another reason than the database or the log being away, its events are applied
     * one by one, each in its own transaction, so the one that fails is named ({@link #blocked}) and everything before
     * it is applied. Only the operator's recorded decision ({@link SkippedEvents}) lets the projection pass it.
     */
    private void applyUntilDone(List<StoredEvent> batch) throws InterruptedException {
        long pause = 100;
        while (running) {
            try {
                apply(batch);
                lastFailure = null;
                blocked = null;
                return;
            } catch (SQLException | RuntimeException e) {
                if (!passing(e) && batch.size() > 1) {
                    applyOneByOne(batch);
                    return;
                }
                lastFailure = e.getMessage();
                observer.retrying();
                report(batch, e, pause);
                LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(pause));
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
                pause = Math.min(5_000, pause * 2);
            }
        }
    }

    private void applyOneByOne(List<StoredEvent> batch) throws InterruptedException {
        for (StoredEvent e : batch) {
            if (!running) {
                return;
            }
            if (e.position() > applied) {
                applyUntilDone(List.of(e));
            }
        }
    }

    /** A failure that is the database's or the log's state, not the event's: it passes by itself. */
    private boolean passing(Throwable e) {
        return !running || DatabaseOutage.in(e).isPresent() || e instanceof org.semiont.events.EventsException
                || e instanceof java.sql.SQLTransientException;
    }

    private void report(List<StoredEvent> batch, Exception e, long pause) {
        if (batch.size() == 1 && !passing(e)) {
            StoredEvent culprit = batch.get(0);
            BlockedEvent was = blocked;
            blocked = was != null && was.position() == culprit.position() ? was.again(e)
                    : BlockedEvent.of(culprit, e, clock.instant(), 1);
            if (was == null || was.position() != culprit.position()) {
                log.error("The projection cannot apply the event at global position {} ({} in stream {}, id {}); retrying "
                        + "every few seconds. Writes wait until it passes. Fix the cause, or leave the event out with: {}",
                        culprit.position(), blocked.type(), culprit.streamId(), blocked.eventId(), blocked.command(), e);
                return;
            }
            if (blocked.attempts() % 60 == 0) {
                log.error("The projection is still stopped at global position {} after {} attempts: {}", culprit.position(),
                        blocked.attempts(), blocked.failure());
            }
            return;
        }
        log.error("Projecting events {}..{} failed; retrying in {} ms", batch.get(0).position(),
                batch.get(batch.size() - 1).position(), pause, e);
    }

    /** The event the projection is stopped at, if it is stopped at one. */
    public java.util.Optional<BlockedEvent> blocked() {
        return java.util.Optional.ofNullable(blocked);
    }

    /** The operator's decisions to leave events out (loaded at start). */
    public SkippedEvents skips() {
        return skips;
    }

    /** Records a decision just appended to the log and lets a waiting retry look at it at once. */
    public void skip(SkippedEvents.Decision decision) {
        skips.add(decision);
        Thread t = thread;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    private void apply(List<StoredEvent> batch) throws SQLException {
        long started = System.nanoTime();
        long from = applied;
        long to = batch.get(batch.size() - 1).position();
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                BatchApplier.applyEvents(c, projections, batch, from, skips);
                if (events.lastPosition() >= to) {
                    // durable already (the fsync ended while the events were applied; always so in catch-up), so the
                    // batch's last writes, the checkpoint and the COMMIT share one round trip
                    CommitMessage last = new CommitMessage();
                    for (Projection p : projections) {
                        p.beforeCommit(c, last);
                    }
                    Checkpoints.advanceAndCommit(c, NAME, from, to, clock.instant(), last);
                    oneMessageCommits.incrementAndGet();
                } else {
                    // the writes go out now, overlapping the fsync; only the COMMIT waits for it
                    for (Projection p : projections) {
                        p.beforeCommit(c);
                    }
                    awaitDurable(to);
                    Checkpoints.advanceAndCommit(c, NAME, from, to, clock.instant());
                }
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                projections.forEach(Projection::afterRollback);
                throw e;
            }
        }
        commits.incrementAndGet();
        projections.forEach(p -> p.afterCommit(batch));
        applied = to;
        wakeWaiters(false);
        observer.applied(batch.size(), System.nanoTime() - started, to);
    }

    /**
     * Returns once the log has made every event up to {@code position} durable; throws if the log failed first (they
     * never will be) or the projector is stopping, so the caller rolls the batch back.
     */
    private void awaitDurable(long position) {
        if (events.lastPosition() >= position) {
            return;
        }
        awaitingDurable = true;
        try {
            // the log advances its position before its commit listener wakes this thread: no wake-up falls in between
            while (events.lastPosition() < position) {
                events.checkWritable();
                if (!running) {
                    throw new ProjectionException("the projector stopped before events up to " + position + " were durable");
                }
                LockSupport.parkNanos(this, DURABLE_POLL_NANOS);
            }
        } finally {
            awaitingDurable = false;
        }
    }

    @Override
    public void close() {
        running = false;
        events.deferWakeUps(null);
        for (AutoCloseable listener : listeners) {
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

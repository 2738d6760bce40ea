package org.semiont.events.commit;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.semiont.events.AppenderWakeUps;
import org.semiont.events.CommitObserver;
import org.semiont.events.EventsError;
import org.semiont.events.EventsException;
import org.semiont.events.StoredEvent;
import org.semiont.events.jsonl.EventLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit without a commit thread: appenders queue their lines, then the first waiting one
 * to take the leader lock drains the queue, gives each event the next global position, writes the
 * batch to the global log, fsyncs it once, copies the lines into the stream files and completes
 * every future in the batch. Appenders that queued meanwhile form the next batch; a lone appender
 * commits its own append with no thread hand-off. An I/O failure stops the log (fail-stop):
 * nothing after it is acknowledged, and reopening recovers from the global log.
 */
final class Committer implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(Committer.class);
    private static final int MAX_BATCH = 4096;
    private static final long SAFETY_NET_NANOS = AppenderWakeUps.SAFETY_NET_MILLIS * 1_000_000;

    private final WalWriter wal;
    private final StreamFileWriters files;
    private final Path walDir;
    private final Syncer syncer;
    private final long checkpointBytes;
    private final boolean syncStreamFiles;
    private final Consumer<List<StoredEvent>> onWritten;
    private final Consumer<List<StoredEvent>> onCommitted;
    private final CommitObserver observer;
    private final Queue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean leading = new AtomicBoolean();
    private volatile long committed;
    private volatile Throwable failure;
    private volatile boolean closing;
    private long bytesSinceCheckpoint;
    private final LongAdder batches = new LongAdder();
    private volatile AppenderWakeUps wakeUps;

    record Pending(StreamState state, List<EventLine> lines, CompletableFuture<List<StoredEvent>> done,
                   Thread owner) {
    }

    Committer(WalWriter wal, StreamFileWriters files, Path walDir, Syncer syncer, long committed,
              long checkpointBytes, boolean syncStreamFiles, CommitHooks hooks) {
        this.syncStreamFiles = syncStreamFiles;
        this.wal = wal;
        this.files = files;
        this.walDir = walDir;
        this.syncer = syncer;
        this.committed = committed;
        this.checkpointBytes = checkpointBytes;
        this.onWritten = hooks.written();
        this.onCommitted = hooks.committed();
        this.observer = hooks.observer();
    }

    /** Queues lines for one stream; call with the stream's lock held so per-stream order is kept. */
    CompletableFuture<List<StoredEvent>> submit(StreamState state, List<EventLine> lines) {
        checkOpen();
        CompletableFuture<List<StoredEvent>> done = new CompletableFuture<>();
        state.pending.incrementAndGet();
        queue.add(new Pending(state, lines, done, Thread.currentThread()));
        return done;
    }

    /**
     * Waits until {@code done} is committed, leading a batch commit whenever no one else is.
     * Followers park; the leader unparks each appender it committed, and on stepping down hands
     * leadership to the owner of the oldest queued append, so no thread waits on a lock convoy.
     */
    List<StoredEvent> await(CompletableFuture<List<StoredEvent>> done) {
        while (!done.isDone()) {
            if (leading.compareAndSet(false, true)) {
                try {
                    if (!done.isDone()) {
                        commitQueued();
                    }
                } finally {
                    stepDown();
                }
            } else {
                // bounded: with deferred wake-ups, a commit nobody reports is still noticed
                LockSupport.parkNanos(this, SAFETY_NET_NANOS);
            }
        }
        return Waits.join(done);
    }

    private void stepDown() {
        leading.set(false);
        Pending next = queue.peek();
        if (next != null) {
            LockSupport.unpark(next.owner);
        }
    }

    private void commitQueued() {
        List<Pending> batch = new ArrayList<>();
        Pending p;
        while (batch.size() < MAX_BATCH && (p = queue.poll()) != null) {
            batch.add(p);
        }
        if (!batch.isEmpty()) {
            commit(batch);
        }
    }

    void checkOpen() {
        Throwable f = failure;
        if (f != null) {
            throw new EventsException(EventsError.LOG_FAILED, "the event log stopped after an I/O failure ("
                    + f + "); no appends are accepted until it is reopened", f);
        }
        if (closing) {
            throw new EventsException(EventsError.LOG_CLOSED, "the event log is closed");
        }
    }

    long committedPosition() {
        return committed;
    }

    /** Group commits (one global-log fsync each) since the log was opened. */
    long batches() {
        return batches.sum();
    }

    private void commit(List<Pending> batch) {
        if (failure != null) {
            batch.forEach(p -> fail(p, failure));
            return;
        }
        try {
            Written written = writeDurably(batch);
            List<List<StoredEvent>> stored = written.perAppend;
            AppenderWakeUps deferred = wakeUps;
            List<AppenderWakeUps.Parked> parked = deferred == null ? null : new ArrayList<>(batch.size());
            Thread self = Thread.currentThread();
            for (int i = 0; i < batch.size(); i++) {
                Pending p = batch.get(i);
                p.done.complete(stored.get(i));
                if (p.owner == self) {
                    continue;
                }
                if (parked == null) {
                    LockSupport.unpark(p.owner);
                } else {
                    List<StoredEvent> mine = stored.get(i);
                    parked.add(new AppenderWakeUps.Parked(p.owner, mine.get(mine.size() - 1).position()));
                }
            }
            if (parked != null) {
                wakeUps(deferred, parked);
            }
            onCommitted.accept(written.all);
            maybeCheckpoint();
        } catch (IOException | RuntimeException e) {
            LOG.error("event log commit failed; stopping the log", e);
            failure = e;
            batch.forEach(p -> fail(p, e));
        }
    }

    /** A batch's events, per append and all in order. */
    private record Written(List<List<StoredEvent>> perAppend, List<StoredEvent> all) {
    }

    /**
     * Writes the batch to the global log, hands it to {@code onWritten} while the fsync is still to come (so work on
     * it overlaps the fsync), fsyncs, then copies the lines into the stream files.
     */
    private Written writeDurably(List<Pending> batch) throws IOException {
        long pos = committed;
        List<WalRecord> records = new ArrayList<>();
        List<List<StoredEvent>> stored = new ArrayList<>(batch.size());
        for (Pending p : batch) {
            List<StoredEvent> out = new ArrayList<>(p.lines.size());
            for (int i = 0; i < p.lines.size(); i++) {
                EventLine line = p.lines.get(i);
                pos++;
                records.add(new WalRecord(pos, p.state.streamId, line.sequence(), i == p.lines.size() - 1,
                        line.bytes()));
                out.add(new StoredEvent(p.state.streamId, pos, line));
            }
            stored.add(out);
        }
        wal.write(records);
        List<StoredEvent> all = flatten(stored);
        onWritten.accept(all);
        long fsyncStart = System.nanoTime();
        wal.force();
        long fsyncNanos = System.nanoTime() - fsyncStart;
        long bytes = 0;
        for (WalRecord r : records) {
            files.write(r.streamId(), r.line());
            bytes += r.line().length + 1;
        }
        bytesSinceCheckpoint += bytes;
        if (syncStreamFiles) {
            files.forceAll();
        }
        for (Pending p : batch) {
            p.state.pending.decrementAndGet();
        }
        committed = pos;
        batches.increment();
        observer.committed(records.size(), bytes, fsyncNanos);
        return new Written(stored, all);
    }

    /** Hands the wake-ups over; if that fails, wakes them here: the batch is durable and must be acknowledged. */
    private static void wakeUps(AppenderWakeUps deferred, List<AppenderWakeUps.Parked> parked) {
        try {
            deferred.committed(parked);
        } catch (RuntimeException e) {
            LOG.warn("deferred wake-ups failed; waking the appenders now", e);
            parked.forEach(p -> LockSupport.unpark(p.thread()));
        }
    }

    /** See {@link org.semiont.events.EventLog#deferWakeUps}; null wakes appenders on commit again. */
    void deferWakeUps(AppenderWakeUps w) {
        wakeUps = w;
    }

    private static List<StoredEvent> flatten(List<List<StoredEvent>> stored) {
        List<StoredEvent> all = new ArrayList<>();
        stored.forEach(all::addAll);
        return all;
    }

    private void fail(Pending p, Throwable cause) {
        p.done.completeExceptionally(new EventsException(EventsError.LOG_FAILED,
                "the append to stream '" + p.state.streamId + "' was not stored: " + cause, cause));
        LockSupport.unpark(p.owner);
    }

    private void maybeCheckpoint() throws IOException {
        if (bytesSinceCheckpoint >= checkpointBytes) {
            checkpoint();
        }
    }

    /** Makes the stream files durable up to {@link #committed}, so recovery can start there. */
    void checkpoint() throws IOException {
        files.forceAll();
        new Checkpoint(committed, wal.segmentFirst(), wal.offset()).write(walDir, syncer);
        bytesSinceCheckpoint = 0;
    }

    @Override
    public void close() throws IOException {
        if (closing) {
            return;
        }
        while (!leading.compareAndSet(false, true)) {
            LockSupport.parkNanos(this, 100_000);
        }
        try {
            closing = true;
            while (!queue.isEmpty()) {
                commitQueued();
            }
            if (failure == null) {
                checkpoint();
            }
        } finally {
            stepDown();
            if (failure == null) {
                files.close();
            } else {
                files.abandon();
            }
            wal.close();
        }
    }
}

package org.semiont.events.commit;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
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

    private final WalWriter wal;
    private final StreamFileWriters files;
    private final Path walDir;
    private final Syncer syncer;
    private final long checkpointBytes;
    private final Consumer<List<StoredEvent>> onCommitted;
    private final Queue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final Object monitor = new Object();
    private boolean leading;
    private volatile long committed;
    private volatile Throwable failure;
    private volatile boolean closing;
    private long bytesSinceCheckpoint;

    record Pending(StreamState state, List<EventLine> lines, CompletableFuture<List<StoredEvent>> done) {
    }

    Committer(WalWriter wal, StreamFileWriters files, Path walDir, Syncer syncer, long committed,
              long checkpointBytes, Consumer<List<StoredEvent>> onCommitted) {
        this.wal = wal;
        this.files = files;
        this.walDir = walDir;
        this.syncer = syncer;
        this.committed = committed;
        this.checkpointBytes = checkpointBytes;
        this.onCommitted = onCommitted;
    }

    /** Queues lines for one stream; call with the stream's lock held so per-stream order is kept. */
    CompletableFuture<List<StoredEvent>> submit(StreamState state, List<EventLine> lines) {
        checkOpen();
        CompletableFuture<List<StoredEvent>> done = new CompletableFuture<>();
        state.pending.incrementAndGet();
        queue.add(new Pending(state, lines, done));
        return done;
    }

    /**
     * Waits until {@code done} is committed, leading a batch commit whenever no one else is.
     * Followers wait on a monitor that the leader signals after each batch, so one fsync wakes
     * every appender it covered at once instead of passing a lock along one by one.
     */
    List<StoredEvent> await(CompletableFuture<List<StoredEvent>> done) {
        while (!done.isDone()) {
            if (!becomeLeaderUnless(done)) {
                break;
            }
            try {
                commitQueued();
            } finally {
                stepDown();
            }
        }
        return Waits.join(done);
    }

    /** Blocks while another thread leads; false if {@code done} completed meanwhile. */
    private boolean becomeLeaderUnless(CompletableFuture<?> done) {
        boolean interrupted = false;
        try {
            synchronized (monitor) {
                while (leading && (done == null || !done.isDone())) {
                    try {
                        monitor.wait();
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
                if (done != null && done.isDone()) {
                    return false;
                }
                leading = true;
                return true;
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void stepDown() {
        synchronized (monitor) {
            leading = false;
            monitor.notifyAll();
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

    private void commit(List<Pending> batch) {
        if (failure != null) {
            batch.forEach(p -> fail(p, failure));
            return;
        }
        try {
            List<List<StoredEvent>> stored = writeDurably(batch);
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).done.complete(stored.get(i));
            }
            onCommitted.accept(flatten(stored));
            maybeCheckpoint();
        } catch (IOException | RuntimeException e) {
            LOG.error("event log commit failed; stopping the log", e);
            failure = e;
            batch.forEach(p -> fail(p, e));
        }
    }

    private List<List<StoredEvent>> writeDurably(List<Pending> batch) throws IOException {
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
        wal.force();
        for (WalRecord r : records) {
            files.write(r.streamId(), r.line());
            bytesSinceCheckpoint += r.line().length + 1;
        }
        for (Pending p : batch) {
            p.state.pending.decrementAndGet();
        }
        committed = pos;
        return stored;
    }

    private static List<StoredEvent> flatten(List<List<StoredEvent>> stored) {
        List<StoredEvent> all = new ArrayList<>();
        stored.forEach(all::addAll);
        return all;
    }

    private void fail(Pending p, Throwable cause) {
        p.done.completeExceptionally(new EventsException(EventsError.LOG_FAILED,
                "the append to stream '" + p.state.streamId + "' was not stored: " + cause, cause));
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
        becomeLeaderUnless(null);
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

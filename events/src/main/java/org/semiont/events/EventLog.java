package org.semiont.events;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.semiont.events.commit.CommitHooks;
import org.semiont.events.commit.CommitLog;
import org.semiont.events.commit.GlobalReader;
import org.semiont.events.commit.LogIdentity;
import org.semiont.events.jsonl.EventLine;
import org.semiont.events.jsonl.FileTail;
import org.semiont.events.jsonl.LineCodec;
import org.semiont.events.jsonl.LineFormatException;
import org.semiont.events.jsonl.StreamLayout;
import org.semiont.events.jsonl.StreamReader;
import org.semiont.events.subscribe.BatchListeners;
import org.semiont.events.subscribe.EventSource;
import org.semiont.events.subscribe.SubscriptionHub;

/**
 * The event log of one data directory: streams of hash-chained events in the original Semiont's
 * JSONL layout under {@code <data-dir>/events}, plus a global log ({@code events/_global}) that
 * makes appends durable with one fsync per batch and gives every event a global position.
 */
public final class EventLog implements AutoCloseable {
    public static final String GLOBAL_DIR = "_global";

    private final StreamLayout layout;
    private final Path walDir;
    private final EventLogOptions options;
    private final SubscriptionHub hub = new SubscriptionHub();
    private final BatchListeners written = new BatchListeners("write");
    private final CommitLog commitLog;
    private final LineCodec codec = new LineCodec();

    private EventLog(Path dataDir, EventLogOptions options, CommitObserver observer) {
        this.layout = new StreamLayout(dataDir.resolve("events"));
        this.walDir = layout.root().resolve(GLOBAL_DIR);
        this.options = options;
        this.commitLog = options.readOnly() ? null : new CommitLog(layout, walDir, settings(options),
                this::readOne, new CommitHooks(written, hub::committed, observer));
    }

    public static EventLog open(Path dataDir) {
        return open(dataDir, EventLogOptions.defaults());
    }

    public static EventLog open(Path dataDir, EventLogOptions options) {
        return open(dataDir, options, CommitObserver.NONE);
    }

    /** Opens the log with an observer told about every group commit (metrics). */
    public static EventLog open(Path dataDir, EventLogOptions options, CommitObserver observer) {
        return new EventLog(dataDir, options, observer == null ? CommitObserver.NONE : observer);
    }

    private static CommitLog.Settings settings(EventLogOptions o) {
        return new CommitLog.Settings(o.eventsPerFile(), o.streamCacheSize(), o.maxOpenFiles(), o.walSegmentBytes(),
                o.checkpointBytes(), o.syncStreamFiles(), o.syncer(), o.clock(), o.idGenerator());
    }

    /** Appends events atomically to one stream once they are durable; see {@link AppendResult}. */
    public AppendResult append(String streamId, ExpectedVersion expected, List<NewEvent> events) {
        StreamIds.validate(streamId);
        if (events == null || events.isEmpty()) {
            throw new EventsException(EventsError.INVALID_EVENT, "an append to stream '" + streamId
                    + "' needs at least one event");
        }
        long[] version = new long[1];
        List<StoredEvent> stored = writer().append(streamId, expected, events, version);
        int dups = (int) stored.stream().filter(e -> e.position() == 0).count();
        return new AppendResult(stored, version[0], dups);
    }

    public AppendResult append(String streamId, ExpectedVersion expected, NewEvent... events) {
        return append(streamId, expected, Arrays.asList(events));
    }

    /** Lines already numbered and chained (import); the stream must be at the version before them. */
    public List<StoredEvent> appendVerbatim(String streamId, List<EventLine> lines) {
        StreamIds.validate(streamId);
        return writer().appendVerbatim(streamId, lines);
    }

    private CommitLog writer() {
        if (commitLog == null) {
            throw new EventsException(EventsError.LOG_CLOSED, "this event log was opened read-only; open it without "
                    + "readOnly to append");
        }
        return commitLog;
    }

    /** Streams a stream's events from a sequence; close the stream when done. */
    public Stream<StoredEvent> readStream(String streamId, long fromSequence) {
        StreamReader r = new StreamReader(layout.files(streamId), fromSequence);
        Iterator<StoredEvent> it = new Iterator<>() {
            public boolean hasNext() {
                return r.hasNext();
            }

            public StoredEvent next() {
                return new StoredEvent(streamId, 0, r.next());
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED), false)
                .onClose(r::close);
    }

    /** Events of one stream matching the query, in sequence order, at most {@code limit}. */
    public List<StoredEvent> query(String streamId, StreamQuery q) {
        try (Stream<StoredEvent> s = readStream(streamId, q.fromSequence())) {
            Stream<StoredEvent> f = s.filter(q.matcher());
            return (q.limit() > 0 ? f.limit(q.limit()) : f).collect(Collectors.toList());
        }
    }

    private StoredEvent readOne(String streamId, long sequence) {
        try (Stream<StoredEvent> s = readStream(streamId, sequence)) {
            return s.findFirst().filter(e -> e.sequence() == sequence).orElseThrow(() -> new EventsException(
                    EventsError.STREAM_NOT_FOUND, "stream '" + streamId + "' has no event " + sequence));
        }
    }

    /** The last event of a stream, reading its files backwards from the end: the cost of one line at any length. */
    public Optional<StoredEvent> readLatest(String streamId) {
        List<Path> files = layout.files(streamId);
        for (int i = files.size() - 1; i >= 0; i--) {
            Path file = files.get(i);
            byte[] last;
            try {
                last = FileTail.read(file).lastLine();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
            if (last != null) {
                try {
                    return Optional.of(new StoredEvent(streamId, 0, codec.parse(last)));
                } catch (LineFormatException e) {
                    throw new IllegalStateException(file.getFileName() + " ends with a malformed line (" + e.getMessage()
                            + "); run 'semiont events verify'", e);
                }
            }
        }
        return Optional.empty();
    }

    /** The number of events in a stream (its version). */
    public long count(String streamId) {
        return readLatest(streamId).map(StoredEvent::sequence).orElse(0L);
    }

    public List<String> streamIds() {
        return layout.streamIds();
    }

    /** The last durable global position (0 when empty). */
    public long lastPosition() {
        if (commitLog != null) {
            return commitLog.committedPosition();
        }
        return GlobalReader.lastPosition(walDir);
    }

    /** Group commits since open (one fsync of the global log each); 0 when read-only. */
    public long commitBatches() {
        return commitLog == null ? 0 : commitLog.commitBatches();
    }

    /** Position, commits and free space, without reading any stream file (for metrics at scrape time). */
    public LogStats stats() {
        try {
            java.nio.file.FileStore store = java.nio.file.Files.getFileStore(layout.root());
            return new LogStats(lastPosition(), commitBatches(), store.getUsableSpace(), store.getTotalSpace());
        } catch (IOException e) {
            throw new EventsException(EventsError.IO_FAILURE, "cannot read the free space of " + layout.root() + ": "
                    + e.getMessage(), e);
        }
    }

    /** Every event in global order from a position (inclusive); close the stream when done. */
    public Stream<StoredEvent> readAll(long fromPosition) {
        GlobalReader r = reader(fromPosition);
        Iterator<StoredEvent> it = new Iterator<>() {
            private StoredEvent next;

            public boolean hasNext() {
                if (next == null) {
                    next = r.next();
                }
                return next != null;
            }

            public StoredEvent next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                StoredEvent e = next;
                next = null;
                return e;
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED), false)
                .onClose(r::close);
    }

    private GlobalReader reader(long fromPosition) {
        return new GlobalReader(walDir, fromPosition,
                commitLog == null ? () -> Long.MAX_VALUE : commitLog::committedPosition);
    }

    /**
     * Hands each batch to {@code listener} as it commits, on the committing thread and in position order, with the
     * batch's events as the appenders stored them (no re-read). Batches committed before this call are not given:
     * read those with {@link #readAll}. The listener must be quick and must not block or append; what a listener
     * throws is logged and stops nothing else. Close the handle to stop listening.
     */
    public AutoCloseable onCommit(Consumer<List<StoredEvent>> listener) {
        return hub.listen(listener);
    }

    /**
     * Hands each batch to {@code listener} as soon as it is written to the global log, before the fsync that makes it
     * durable: a consumer can start working on the events while the disk catches up. It must not let anyone see
     * their effects until {@link #lastPosition} has reached them; if the log fails first ({@link #checkWritable}
     * throws), they were never acknowledged and that work must be dropped. Otherwise as {@link #onCommit}: the
     * committing thread, position order, only batches written after this call, quick and never blocking.
     */
    public AutoCloseable onWrite(Consumer<List<StoredEvent>> listener) {
        return written.add(listener);
    }

    /**
     * Throws an {@link EventsException} if the log accepts no more appends (an I/O failure stopped it, or it is
     * closed or read-only); batches written but not yet durable then never will be.
     */
    public void checkWritable() {
        writer().checkWritable();
    }

    /**
     * From now on appenders parked while their batch commits are woken by {@code w} rather than by the log, so a
     * caller that waits for something else next is woken once; null restores the default. No effect when read-only.
     */
    public void deferWakeUps(AppenderWakeUps w) {
        if (commitLog != null) {
            commitLog.deferWakeUps(w);
        }
    }

    /** Delivers every event from {@code fromPosition} on, then new ones as they commit. */
    public Subscription subscribeAll(long fromPosition, EventHandler handler) {
        GlobalReader r = reader(fromPosition);
        return hub.subscribeAll(new EventSource() {
            public StoredEvent next() {
                return r.next();
            }

            public long cursor() {
                return r.nextPosition();
            }

            public void close() {
                r.close();
            }
        }, handler);
    }

    /** Delivers a stream's events from {@code fromSequence} on (e.g. SSE Last-Event-ID + 1), then live. */
    public Subscription subscribeStream(String streamId, long fromSequence, EventHandler handler) {
        StreamIds.validate(streamId);
        return hub.subscribeStream(streamId, new StreamTail(streamId, fromSequence), handler);
    }

    private final class StreamTail implements EventSource {
        private final String streamId;
        private long next;
        private final List<StoredEvent> buffer = new ArrayList<>();
        private int index;

        StreamTail(String streamId, long from) {
            this.streamId = streamId;
            this.next = Math.max(1, from);
        }

        public StoredEvent next() {
            if (index == buffer.size()) {
                buffer.clear();
                index = 0;
                buffer.addAll(query(streamId, StreamQuery.all().fromSequence(next).limit(1024)));
                if (buffer.isEmpty()) {
                    return null;
                }
            }
            StoredEvent e = buffer.get(index++);
            next = e.sequence() + 1;
            return e;
        }

        public long cursor() {
            return next;
        }

        public void close() {
            buffer.clear();
        }
    }

    /**
     * Verifies one stream, or all streams in parallel when {@code streamId} is null; verifying all
     * also checks the global log and that it indexes every stream event.
     */
    public VerifyReport verify(String streamId) {
        return verify(streamId, VerifyProgress.NONE);
    }

    /** {@link #verify(String)}, telling {@code progress} of each stream as it is done. */
    public VerifyReport verify(String streamId, VerifyProgress progress) {
        List<String> ids = streamId == null ? streamIds() : List.of(StreamIds.validate(streamId));
        return new LogVerifier(layout, options.verifyThreads(), progress).verify(ids, streamId == null ? walDir : null);
    }

    /**
     * The log's identity: a UUID created the first time the log is opened for writing and never changed, so what
     * follows the log elsewhere (the projections in PostgreSQL) can tell it from any other log. Null only for a log
     * opened read-only that was never opened for writing.
     */
    public String logId() {
        if (commitLog != null) {
            return commitLog.logId();
        }
        try {
            return LogIdentity.read(walDir);
        } catch (IOException e) {
            throw new EventsException(EventsError.IO_FAILURE, "cannot read the event log's identity: " + e.getMessage(), e);
        }
    }

    public Path eventsRoot() {
        return layout.root();
    }

    @Override
    public void close() {
        hub.close();
        if (commitLog != null) {
            try {
                commitLog.close();
            } catch (IOException e) {
                throw new EventsException(EventsError.IO_FAILURE, "closing the event log failed: " + e, e);
            }
        }
    }
}

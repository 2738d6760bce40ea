package org.semiont.server.projection;

import org.semiont.server.util.Sql;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.stream.Stream;
import org.semiont.events.EventLog;
import org.semiont.events.StoredEvent;
import org.semiont.server.util.NulChars;

/**
 * The global log up to a position, read and parsed on a second thread in chunks, in order: JSON parsing
 * then overlaps the fold instead of adding to it. The queue is bounded, so memory stays small.
 */
final class ParsedLog implements AutoCloseable {
    static final int CHUNK = 1024;
    private static final List<Parsed> END = List.of();

    /** An event with its JSON tree and its time; its header is parsed too, on this thread. */
    record Parsed(StoredEvent stored, ObjectNode event, LocalDateTime at) {
    }

    private final BlockingQueue<List<Parsed>> queue = new ArrayBlockingQueue<>(4);
    private final Thread reader;
    private volatile RuntimeException failure;
    private boolean ended;

    /** Reads up to {@code last}, leaving out the events the operator decided to skip. */
    ParsedLog(EventLog events, long last, SkippedEvents skips) {
        reader = new Thread(() -> read(events, last, skips), "semiont-rebuild-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** The next chunk in log order, or null after the last; a reader failure (even an Error) ends the queue. */
    List<Parsed> next() {
        if (ended) {
            return null;
        }
        List<Parsed> chunk;
        try {
            chunk = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProjectionException("interrupted while reading the event log");
        }
        if (chunk == END) {
            ended = true;
            if (failure != null) {
                throw new ProjectionException("reading the event log failed: " + failure.getMessage(), failure);
            }
            return null;
        }
        return chunk;
    }

    private void read(EventLog events, long last, SkippedEvents skips) {
        try {
            try (Stream<StoredEvent> all = events.readAll(1)) {
                Iterator<StoredEvent> it = all.iterator();
                List<Parsed> chunk = new ArrayList<>(CHUNK);
                while (it.hasNext()) {
                    StoredEvent e = it.next();
                    if (e.position() > last) {
                        break;
                    }
                    if (skips.skips(e)) {
                        continue;
                    }
                    chunk.add(new Parsed(e, NulChars.projectable(e), Sql.utc(e.instant())));
                    if (chunk.size() == CHUNK) {
                        queue.put(chunk);
                        chunk = new ArrayList<>(CHUNK);
                    }
                }
                if (!chunk.isEmpty()) {
                    queue.put(chunk);
                }
            } catch (RuntimeException | Error e) {
                failure = e instanceof RuntimeException r ? r : new IllegalStateException(e.toString(), e);
            }
            queue.put(END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the reader if the fold ended early (a failure): it may be blocked on a full queue. */
    @Override
    public void close() {
        reader.interrupt();
        try {
            reader.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package org.semiont.events.commit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.semiont.events.EventsError;
import org.semiont.events.EventsException;
import org.semiont.events.ExpectedVersion;
import org.semiont.events.NewEvent;
import org.semiont.events.StoredEvent;
import org.semiont.events.WrongExpectedVersionException;
import org.semiont.events.jsonl.EventLine;
import org.semiont.events.jsonl.LineCodec;
import org.semiont.events.jsonl.Timestamps;

/**
 * The append algorithm. Under the stream's lock: skip events whose id is already stored, check
 * the expected version, number and chain the new events, queue them for group commit. The lock is
 * released before the fsync, so concurrent appenders to one stream share it too. Only ids given by
 * the caller are looked up: a generated id is new by construction, so a stream that only ever
 * gets generated ids never has its ids read from its files.
 */
final class Appender {
    private final StreamStateCache cache;
    private final StreamLoader loader;
    private final Committer committer;
    private final StreamReaderFn reader;
    private final Clock clock;
    private final Supplier<String> ids;
    private final LineCodec codec = new LineCodec();

    /** Reads one stored event back by sequence (for idempotent replays). */
    interface StreamReaderFn {
        StoredEvent read(String streamId, long sequence);
    }

    private record Plan(List<EventLine> lines, Map<Integer, Long> duplicates, long version) {
    }

    Appender(StreamStateCache cache, StreamLoader loader, Committer committer, StreamReaderFn reader, Clock clock,
             Supplier<String> ids) {
        this.cache = cache;
        this.loader = loader;
        this.committer = committer;
        this.reader = reader;
        this.clock = clock;
        this.ids = ids;
    }

    List<StoredEvent> append(String streamId, ExpectedVersion expected, List<NewEvent> events, long[] versionOut) {
        committer.checkOpen();
        Plan plan;
        CompletableFuture<List<StoredEvent>> done;
        CompletableFuture<?> before;
        StreamState s = cache.acquire(streamId);
        try {
            plan = plan(s, expected, events);
            before = s.lastCommit;
            done = plan.lines.isEmpty() ? null : committer.submit(s, plan.lines);
            if (done != null) {
                s.lastCommit = done;
            }
        } finally {
            s.lock.unlock();
        }
        List<StoredEvent> stored = done == null ? List.of() : committer.await(done);
        if (!plan.duplicates.isEmpty()) {
            Waits.join(before);
        }
        versionOut[0] = plan.version;
        return merge(streamId, events.size(), stored, plan.duplicates);
    }

    private Plan plan(StreamState s, ExpectedVersion expected, List<NewEvent> events) {
        Map<Integer, Long> dups = new HashMap<>();
        Map<String, Integer> batchIds = new HashMap<>();
        List<String> eventIds = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            NewEvent e = events.get(i);
            String id = e.id() != null ? e.id() : ids.get();
            eventIds.add(id);
            Long seq = e.id() != null ? knownIds(s).get(id) : null;
            if (seq != null) {
                dups.put(i, seq);
            } else if (batchIds.putIfAbsent(id, i) != null) {
                throw new EventsException(EventsError.INVALID_EVENT, "event id '" + id
                        + "' appears twice in one append to stream '" + s.streamId + "'; give each event its own id");
            }
        }
        if (dups.size() == events.size()) {
            return new Plan(List.of(), dups, s.version);
        }
        if (!expected.matches(s.version)) {
            throw new WrongExpectedVersionException(s.streamId, expected, s.version);
        }
        return new Plan(encode(s, events, eventIds, dups), dups, s.version);
    }

    private List<EventLine> encode(StreamState s, List<NewEvent> events, List<String> eventIds,
                                   Map<Integer, Long> dups) {
        List<EventLine> lines = new ArrayList<>();
        String ts = Timestamps.format(clock.instant());
        long version = s.version;
        String hash = s.lastHash;
        for (int i = 0; i < events.size(); i++) {
            if (dups.containsKey(i)) {
                continue;
            }
            ObjectNode event = events.get(i).fields().deepCopy();
            event.put("id", eventIds.get(i));
            event.put("timestamp", ts);
            EventLine line = encodeOne(s.streamId, event, ++version, ts, hash);
            hash = line.checksum();
            lines.add(line);
        }
        commitState(s, lines, eventIds, dups);
        return lines;
    }

    private EventLine encodeOne(String streamId, ObjectNode event, long seq, String ts, String hash) {
        try {
            return codec.encode(event, seq, ts, hash);
        } catch (IllegalArgumentException e) {
            throw new EventsException(EventsError.INVALID_EVENT, "event '" + event.path("type").asText()
                    + "' for stream '" + streamId + "' cannot be written as JSON: " + e.getMessage()
                    + "; use only objects, arrays, strings, numbers, booleans and null", e);
        }
    }

    private EventIds knownIds(StreamState s) {
        if (!s.idsLoaded) {
            loader.loadIds(s);
        }
        return s.ids;
    }

    private static void commitState(StreamState s, List<EventLine> lines, List<String> eventIds, Map<Integer, Long> dups) {
        if (s.idsLoaded) {
            int j = 0;
            for (int i = 0; i < eventIds.size(); i++) {
                if (!dups.containsKey(i)) {
                    s.ids.put(eventIds.get(i), lines.get(j++).sequence());
                }
            }
        }
        EventLine last = lines.get(lines.size() - 1);
        s.version = last.sequence();
        s.lastHash = last.checksum();
    }

    private List<StoredEvent> merge(String streamId, int n, List<StoredEvent> stored, Map<Integer, Long> dups) {
        List<StoredEvent> out = new ArrayList<>(n);
        int j = 0;
        for (int i = 0; i < n; i++) {
            Long seq = dups.get(i);
            out.add(seq != null ? reader.read(streamId, seq) : stored.get(j++));
        }
        return out;
    }

    /** Appends lines that already carry sequence, chain and checksum (import), to an empty stream. */
    List<StoredEvent> appendVerbatim(String streamId, List<EventLine> lines) {
        committer.checkOpen();
        StreamState s = cache.acquire(streamId);
        CompletableFuture<List<StoredEvent>> done;
        try {
            EventLine first = lines.get(0);
            if (first.sequence() != s.version + 1 || !Objects.equals(first.prevEventHash(), s.lastHash)) {
                throw new EventsException(EventsError.STREAM_EXISTS, "stream '" + streamId + "' is at version "
                        + s.version + "; the imported lines start at sequence " + first.sequence());
            }
            for (EventLine l : lines) {
                String id = s.idsLoaded ? codec.header(l).id() : null;
                if (id != null) {
                    s.ids.put(id, l.sequence());
                }
            }
            EventLine last = lines.get(lines.size() - 1);
            s.version = last.sequence();
            s.lastHash = last.checksum();
            done = committer.submit(s, lines);
            s.lastCommit = done;
        } finally {
            s.lock.unlock();
        }
        return committer.await(done);
    }
}

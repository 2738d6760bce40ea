package org.semiont.events.commit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.semiont.events.EventsError;
import org.semiont.events.EventsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the stream files up to date with the global log after a crash. It reads the log from the
 * last checkpoint only: events in the log but missing from (or torn at the end of) their stream
 * file are written again; a torn record at the end of the log was never acknowledged and is cut.
 */
final class Recovery {
    private static final Logger LOG = LoggerFactory.getLogger(Recovery.class);

    record Result(long lastPosition, long segmentFirst, long validEnd, long replayed, long restored) {
    }

    private final Path walDir;
    private final StreamLoader loader;
    private final StreamFileWriters files;
    private final Map<String, Long> tails = new HashMap<>();
    private long restored;
    private long replayed;

    Recovery(Path walDir, StreamLoader loader, StreamFileWriters files) {
        this.walDir = walDir;
        this.loader = loader;
        this.files = files;
    }

    Result run() throws IOException {
        Checkpoint cp = Checkpoint.read(walDir);
        List<Path> segments = WalSegments.list(walDir);
        if (segments.isEmpty()) {
            return new Result(cp.position(), cp.position() + 1, 0, 0, 0);
        }
        int start = indexOf(segments, cp.segmentFirst());
        long last = cp.position();
        long validEnd = 0;
        for (int i = start; i < segments.size(); i++) {
            Path seg = segments.get(i);
            boolean lastSegment = i == segments.size() - 1;
            try (WalScanner sc = new WalScanner(seg, i == start ? cp.offset() : 0)) {
                if (i == start && sc.size() < cp.offset()) {
                    throw new EventsException(EventsError.CORRUPT_LOG, "global log segment " + seg.getFileName()
                            + " has " + sc.size() + " bytes but the checkpoint says " + cp.offset()
                            + " were durable; the log lost data, restore the data directory from a backup");
                }
                SegmentEnd end = replaySegment(seg, sc, last);
                last = end.lastPosition;
                validEnd = end.validEnd;
                checkEnd(seg, sc, end, lastSegment);
            }
        }
        long segFirst = WalSegments.firstPosition(segments.get(segments.size() - 1));
        return new Result(last, segFirst, validEnd, replayed, restored);
    }

    private record SegmentEnd(long lastPosition, long validEnd, int droppedRecords) {
    }

    /** Applies whole appends only; records of an append cut short at the end are left out. */
    private SegmentEnd replaySegment(Path seg, WalScanner sc, long last) throws IOException {
        List<WalRecord> group = new ArrayList<>();
        long groupStart = sc.offset();
        long complete = last;
        WalRecord r;
        while (true) {
            long before = sc.offset();
            r = sc.next();
            if (r == null) {
                break;
            }
            checkPosition(seg, r, last);
            last = r.position();
            if (group.isEmpty()) {
                groupStart = before;
            }
            group.add(r);
            if (r.endOfAppend()) {
                for (WalRecord g : group) {
                    apply(g);
                }
                replayed += group.size();
                group.clear();
                complete = last;
            }
        }
        return group.isEmpty() ? new SegmentEnd(last, sc.offset(), 0) : new SegmentEnd(complete, groupStart, group.size());
    }

    private static int indexOf(List<Path> segments, long first) {
        for (int i = 0; i < segments.size(); i++) {
            if (WalSegments.firstPosition(segments.get(i)) == first) {
                return i;
            }
        }
        if (first == 1 || WalSegments.firstPosition(segments.get(0)) > first) {
            return 0;
        }
        throw new EventsException(EventsError.CORRUPT_LOG, "the checkpoint names log segment " + first
                + " which is missing from " + segments.get(0).getParent() + "; restore the data directory from a backup");
    }

    private static void checkPosition(Path seg, WalRecord r, long last) {
        if (r.position() != last + 1) {
            throw new EventsException(EventsError.CORRUPT_LOG, "global log " + seg.getFileName() + " holds position "
                    + r.position() + " after " + last + "; the log is damaged, restore it from a backup");
        }
    }

    private static void checkEnd(Path seg, WalScanner sc, SegmentEnd end, boolean lastSegment) throws IOException {
        long size = sc.size();
        if (size == end.validEnd || sc.onlyZerosFrom(end.validEnd)) {
            return;
        }
        if (!lastSegment) {
            throw new EventsException(EventsError.CORRUPT_LOG, "global log segment " + seg.getFileName()
                    + " has " + (size - end.validEnd) + " unusable bytes at offset " + end.validEnd
                    + " before a later segment; restore it from a backup");
        }
        LOG.warn("global log {} ends with {} bytes of an append cut short ({} whole records) at offset {}; it was "
                + "never acknowledged and is truncated", seg, size - end.validEnd, end.droppedRecords, end.validEnd);
    }

    private void apply(WalRecord r) throws IOException {
        long tail = tails.computeIfAbsent(r.streamId(), this::durableTail);
        if (r.sequence() <= tail) {
            return;
        }
        if (r.sequence() != tail + 1) {
            throw new EventsException(EventsError.CORRUPT_LOG, "stream '" + r.streamId() + "' ends at sequence " + tail
                    + " but the global log continues it with " + r.sequence() + "; run 'semiont events verify'");
        }
        files.write(r.streamId(), r.line());
        tails.put(r.streamId(), r.sequence());
        restored++;
    }

    private long durableTail(String streamId) {
        StreamState s = new StreamState(streamId);
        loader.load(s);
        return s.version;
    }
}

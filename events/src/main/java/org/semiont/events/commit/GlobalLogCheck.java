package org.semiont.events.commit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.semiont.events.Defect;

/**
 * Checks the global log's own structure (intact records, gapless positions, each stream's
 * sequences in order and once) and reports, per stream, the last sequence it indexes, so the
 * caller can find stream events the log does not know. A partial record at the very end is not a
 * defect: a live writer may be writing it, and the next writer recovers it.
 */
public final class GlobalLogCheck {
    private static final String STREAM = "(global log)";

    /** {@code present} is false when there is no global log yet (e.g. an original data directory). */
    public record Result(boolean present, long records, Map<String, Long> lastSequence, List<Defect> defects) {
    }

    private GlobalLogCheck() {
    }

    public static Result scan(Path walDir) {
        List<Path> segments = WalSegments.list(walDir);
        Map<String, Long> last = new HashMap<>();
        List<Defect> defects = new ArrayList<>();
        if (segments.isEmpty()) {
            return new Result(false, 0, last, defects);
        }
        long expected = WalSegments.firstPosition(segments.get(0));
        long records = 0;
        for (int i = 0; i < segments.size(); i++) {
            Path seg = segments.get(i);
            String name = walDir.getFileName() + "/" + seg.getFileName();
            try (WalScanner sc = new WalScanner(seg, 0)) {
                WalRecord r;
                while ((r = sc.nextHeader()) != null) {
                    records++;
                    check(r, expected, last, name, records, defects);
                    expected = r.position() + 1;
                    last.put(r.streamId(), Math.max(r.sequence(), last.getOrDefault(r.streamId(), 0L)));
                }
                if (i < segments.size() - 1 && sc.size() > sc.offset() && !sc.onlyZerosFrom(sc.offset())) {
                    defects.add(new Defect(STREAM, name, records + 1, 0, Defect.Kind.GLOBAL_LOG_DAMAGED,
                            (sc.size() - sc.offset()) + " unreadable bytes at offset " + sc.offset()));
                }
            } catch (IOException e) {
                defects.add(new Defect(STREAM, name, 0, 0, Defect.Kind.UNREADABLE, e.toString()));
            }
        }
        return new Result(true, records, last, defects);
    }

    private static void check(WalRecord r, long expected, Map<String, Long> last, String file, long recordNo,
                              List<Defect> defects) {
        if (r.position() != expected) {
            defects.add(new Defect(STREAM, file, recordNo, r.position(), Defect.Kind.GLOBAL_LOG_DAMAGED,
                    "position " + r.position() + " where " + expected + " was expected"));
        }
        long prev = last.getOrDefault(r.streamId(), 0L);
        if (r.sequence() != prev + 1) {
            defects.add(new Defect(r.streamId(), file, recordNo, r.sequence(), Defect.Kind.GLOBAL_LOG_DAMAGED,
                    "the global log gives stream '" + r.streamId() + "' sequence " + r.sequence() + " after " + prev));
        }
    }
}

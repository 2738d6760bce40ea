package org.semiont.studio.events;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.semiont.events.EventLog;
import org.semiont.events.StoredEvent;

/** The log page's reads: streams with their lengths, events by global position with filters, and a verify run. */
public final class LogBrowser {
    public static final int PAGE = 100;
    private final EventLog log;

    public LogBrowser(EventLog log) {
        this.log = log;
    }

    public record StreamInfo(String id, long events) {
    }

    /** What the events list is narrowed to; blank fields do not narrow. */
    public record EventFilter(String stream, String type, String user, Instant from, Instant to) {
        boolean matches(StoredEvent e) {
            return (blank(type) || e.type().equals(type)) && (blank(user) || user.equals(e.userId()))
                    && (from == null || !e.instant().isBefore(from)) && (to == null || e.instant().isBefore(to));
        }

        private static boolean blank(String s) {
            return s == null || s.isBlank();
        }
    }

    public List<StreamInfo> streams() {
        return log.streamIds().stream().sorted().map(id -> new StreamInfo(id, log.count(id))).toList();
    }

    public long lastPosition() {
        return log.lastPosition();
    }

    /** The newest {@link #PAGE} events matching the filter at or before {@code before} (0: the end of the log). */
    public List<EventRow> events(EventFilter f, long before) {
        if (f.stream() != null && !f.stream().isBlank()) {
            if (!log.streamIds().contains(f.stream())) {
                return List.of();
            }
            List<EventRow> rows = new ArrayList<>(new RowEvents(log).read(f.stream(), f::matches));
            java.util.Collections.reverse(rows);
            return rows;
        }
        long end = before <= 0 ? log.lastPosition() : Math.min(before, log.lastPosition());
        List<EventRow> out = new ArrayList<>();
        long window = PAGE;
        // walk back from the end in growing windows until a page is found or the log's start is reached
        while (out.size() < PAGE && end > 0) {
            long from = Math.max(1, end - window + 1);
            List<EventRow> found = new ArrayList<>();
            long last = end;
            try (Stream<StoredEvent> s = log.readAll(from)) {
                s.takeWhile(e -> e.position() <= last).filter(f::matches).forEach(e -> found.add(RowEvents.row(e, "not checked")));
            }
            for (int i = found.size() - 1; i >= 0 && out.size() < PAGE; i--) {
                out.add(found.get(i));
            }
            end = from - 1;
            window = Math.min(window * 4, 100_000);
        }
        return out;
    }
}

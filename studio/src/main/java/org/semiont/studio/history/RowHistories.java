package org.semiont.studio.history;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.semiont.events.EventLog;
import org.semiont.events.StoredEvent;
import org.semiont.events.StreamIds;
import org.semiont.server.annotation.AnnotationFold;
import org.semiont.server.document.DocumentFold;
import org.semiont.server.entitytype.EntityTypeFold;
import org.semiont.server.entitytype.EntityTypeRow;
import org.semiont.server.projection.RowHistory;
import org.semiont.server.projection.SkippedEvents;
import org.semiont.server.user.UserEvents;
import org.semiont.server.user.UserFold;
import org.semiont.server.user.UserTable;
import org.semiont.server.util.Json;

/**
 * "This row as it was after event N" for the studio's time slider: finds a row's events in the global log (their
 * global positions are what the folds take) and folds the row up to one of them with the server's own per-domain
 * folds, so what is shown is what a rebuild would make. Both read the global log from its start: the cost grows with
 * the log.
 */
public final class RowHistories {
    /** Models whose rows have a timeline. */
    public static final List<String> MODELS = List.of("documents", "annotations", "users", "entity_types");
    private final EventLog log;
    /** Timelines kept for moving the slider: each costs a pass over the log; kept while the log has not grown. */
    static final int CACHED_TIMELINES = 64;
    private final AnnotationFold annotations = new AnnotationFold(Json.mapper());
    private final Map<Key, Cached> recent = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Cached> eldest) {
            return size() > CACHED_TIMELINES;
        }
    };

    private record Key(String model, String rowId, String stream) {
    }

    private record Cached(long end, RowTimeline timeline) {
    }

    public RowHistories(EventLog log) {
        this.log = log;
    }

    /**
     * The row's events. {@code annotationStream} narrows an annotation's search to its document's stream (or the
     * stream of annotations on no document); null searches every stream (a deleted annotation's document is unknown).
     */
    public RowTimeline timeline(String model, String rowId, String annotationStream) {
        long end = log.lastPosition();
        Key key = new Key(model, rowId, annotationStream);
        synchronized (recent) {
            Cached c = recent.get(key);
            if (c != null && c.end() == end) {
                return c.timeline();
            }
        }
        RowTimeline t = find(model, rowId, annotationStream, end);
        synchronized (recent) {
            recent.put(key, new Cached(end, t));
        }
        return t;
    }

    private RowTimeline find(String model, String rowId, String annotationStream, long end) {
        Predicate<StoredEvent> about = switch (model) {
            case "documents" -> e -> e.streamId().equals(rowId) && DocumentFold.changesRow(e.type()) && e.documentId() != null;
            case "annotations" -> e -> (annotationStream == null || e.streamId().equals(annotationStream))
                    && e.type().startsWith("annotation.") && rowId.equals(AnnotationFold.rowId(e.type(), payload(e)));
            case "users" -> e -> e.streamId().equals(UserEvents.STREAM) && rowId.equals(UserFold.userId(payload(e)));
            case "entity_types" -> e -> e.streamId().equals(StreamIds.SYSTEM) && rowId.equals(EntityTypeFold.rowId(e.type(), payload(e)));
            default -> throw new IllegalArgumentException(model + " has no event stream");
        };
        SkippedEvents skips = SkippedEvents.load(log);
        List<TimelineStep> steps = new ArrayList<>();
        try (Stream<StoredEvent> all = log.readAll(1)) {
            Iterator<StoredEvent> it = all.iterator();
            while (it.hasNext()) {
                StoredEvent e = it.next();
                if (e.position() > end) {
                    break;
                }
                if (about.test(e) && !skips.skips(e)) {
                    steps.add(new TimelineStep(e.position(), e.streamId(), e.sequence(), e.type(), e.userId(), e.timestamp()));
                }
            }
        }
        return new RowTimeline(model, rowId, steps.isEmpty() ? annotationStream : steps.get(0).streamId(), steps);
    }

    /** The row right after step {@code index} of its timeline (-1: before its first event). */
    public Snapshot at(RowTimeline t, int index) {
        if (index < 0 || t.steps().isEmpty()) {
            return new Snapshot(-1, null, Snapshot.State.NOT_YET, Map.of());
        }
        TimelineStep step = t.steps().get(Math.min(index, t.steps().size() - 1));
        Optional<? extends Record> row = fold(t, step.position());
        return row.<Snapshot>map(r -> new Snapshot(t.steps().indexOf(step), step, Snapshot.State.PRESENT, columns(r)))
                .orElseGet(() -> new Snapshot(t.steps().indexOf(step), step, Snapshot.State.GONE, Map.of()));
    }

    private Optional<? extends Record> fold(RowTimeline t, long position) {
        String id = t.rowId();
        return switch (t.model()) {
            case "documents" -> DocumentFold.asOf(log, id, position);
            case "annotations" -> annotations.asOf(log, t.streamId(), id, position);
            case "users" -> UserTable.asOf(log, position).get(id);
            case "entity_types" -> Optional.ofNullable(RowHistory.<EntityTypeRow>asOf(log, StreamIds.SYSTEM, position, null,
                    (row, e, event, at) -> {
                        JsonNode p = event.path("payload");
                        return id.equals(EntityTypeFold.rowId(e.type(), p)) ? EntityTypeFold.apply(row, e, p, at) : row;
                    }));
            default -> throw new IllegalArgumentException(t.model() + " has no event stream");
        };
    }

    /** The row's columns; never a credential (a user's fold state carries the password hash, not a users column). */
    private static Map<String, String> columns(Record row) {
        Map<String, String> c = PgText.columns(row);
        c.remove("passwordHash");
        c.remove("passwordSetAt");
        return c;
    }

    private static JsonNode payload(StoredEvent e) {
        return e.event().path("payload");
    }
}

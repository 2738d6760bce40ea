package org.semiont.server.annotation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.semiont.events.EventLog;
import org.semiont.events.StoredEvent;
import org.semiont.server.projection.RowHistory;
import org.semiont.server.user.UserEvents;
import org.semiont.server.user.UserTable;

/**
 * The rules that turn annotation events into {@code annotations} rows, as one pure function used by the live
 * projection and the bulk rebuild alike. An add keeps the first row with its id; a replacement or body update of a
 * missing row is a no-op; a removal deletes. The creator and the last modifier are shown by display name, which
 * {@code names} gives as the {@code users} rows stand at that event.
 */
public final class AnnotationFold {
    private final ObjectMapper json;

    public AnnotationFold(ObjectMapper json) {
        this.json = json;
    }

    /** The id of the row an annotation event is about (short form), or null for other events. */
    public static String rowId(String type, JsonNode payload) {
        return switch (type) {
            case AnnotationEvents.ADDED, AnnotationEvents.UPDATED -> AnnotationShapes.shortId(payload.path("annotation").path("id").asText());
            case AnnotationEvents.REMOVED, AnnotationEvents.BODY_UPDATED -> AnnotationShapes.shortId(payload.path("annotationId").asText());
            default -> null;
        };
    }

    /**
     * The row after {@code e} ({@link #rowId} names it); {@code row} is the row before (null: none); null when there is
     * none after.
     */
    public AnnotationRow apply(AnnotationRow row, StoredEvent e, JsonNode payload, LocalDateTime at, UnaryOperator<String> names) {
        return switch (e.type()) {
            case AnnotationEvents.ADDED -> row != null ? row : added(e, payload.path("annotation"), at, names);
            case AnnotationEvents.REMOVED -> null;
            case AnnotationEvents.UPDATED -> row == null ? null : replaced(row, e, payload.path("annotation"), at, names);
            case AnnotationEvents.BODY_UPDATED -> row == null ? null : bodyUpdated(row, e, payload.path("operations"), at, names);
            default -> row;
        };
    }

    private AnnotationRow added(StoredEvent e, JsonNode a, LocalDateTime at, UnaryOperator<String> names) {
        ObjectNode creator = JsonNodeFactory.instance.objectNode().put("type", "Person").put("id", e.userId())
                .put("name", names.apply(e.userId()));
        ObjectNode data = AnnotationShapes.served(a, creator, e.timestamp(), e.timestamp());
        JsonNode body = AnnotationShapes.bodyArray(a.get("body"));
        return new AnnotationRow(AnnotationShapes.shortId(a.path("id").asText()), e.documentId(),
                AnnotationShapes.indexedTargetSource(a.path("target")), a.path("motivation").asText(""), e.userId(),
                write(a.path("target")), write(body), write(data), AnnotationShapes.linkedDocuments(body),
                AnnotationShapes.entityTags(body), e.position(), at, at);
    }

    private AnnotationRow replaced(AnnotationRow row, StoredEvent e, JsonNode a, LocalDateTime at, UnaryOperator<String> names) {
        ObjectNode old = (ObjectNode) read(row.data());
        ObjectNode data = AnnotationShapes.served(a, (ObjectNode) old.get("creator"), old.path("created").asText(), e.timestamp(),
                AnnotationShapes.person(e.userId(), names.apply(e.userId())));
        JsonNode body = AnnotationShapes.bodyArray(a.get("body"));
        return new AnnotationRow(row.id(), row.documentId(), AnnotationShapes.indexedTargetSource(a.path("target")),
                a.path("motivation").asText(""), row.creatorId(), write(a.path("target")), write(body), write(data),
                AnnotationShapes.linkedDocuments(body), AnnotationShapes.entityTags(body), row.position(), row.created(), at);
    }

    private AnnotationRow bodyUpdated(AnnotationRow row, StoredEvent e, JsonNode operations, LocalDateTime at,
                                      UnaryOperator<String> names) {
        ObjectNode data = (ObjectNode) read(row.data());
        JsonNode body = AnnotationShapes.applyOperations(data.get("body"), operations);
        data.set("body", body);
        data.put("modified", e.timestamp());
        data.set("modifiedBy", AnnotationShapes.person(e.userId(), names.apply(e.userId())));
        return new AnnotationRow(row.id(), row.documentId(), row.targetSource(), row.motivation(), row.creatorId(), row.target(),
                write(body), write(data), AnnotationShapes.linkedDocuments(body), AnnotationShapes.entityTags(body),
                row.position(), row.created(), at);
    }

    /**
     * The annotation's row as it was right after the event at global {@code position} of {@code streamId} (a document's
     * stream, or the stream of annotations on no document); names as the users stood then. Empty: no row then.
     */
    public Optional<AnnotationRow> asOf(EventLog log, String streamId, String annotationId, long position) {
        String id = AnnotationShapes.shortId(annotationId);
        List<StoredEvent> events = RowHistory.events(log, Set.of(UserEvents.STREAM, streamId), position);
        UserTable users = new UserTable();
        AnnotationRow row = null;
        for (StoredEvent e : events) {
            if (e.streamId().equals(UserEvents.STREAM)) {
                RowHistory.step(users, e, (t, ev, event, at) -> {
                    t.apply(ev, event, at);
                    return t;
                });
                continue;
            }
            row = RowHistory.step(row, e, (r, ev, event, at) -> {
                JsonNode p = event.path("payload");
                return id.equals(rowId(ev.type(), p)) ? apply(r, ev, p, at, users::displayName) : r;
            });
        }
        return Optional.ofNullable(row);
    }

    private String write(JsonNode n) {
        try {
            return json.writeValueAsString(n);
        } catch (IOException ex) {
            throw new IllegalStateException("cannot serialize annotation JSON", ex);
        }
    }

    /** {@code data} is re-read from its stored text, as it is in the table. */
    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (IOException ex) {
            throw new IllegalStateException("annotations.data holds invalid JSON", ex);
        }
    }
}

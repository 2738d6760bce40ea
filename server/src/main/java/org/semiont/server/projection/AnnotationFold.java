package org.semiont.server.projection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.semiont.events.StoredEvent;
import org.semiont.server.annotation.AnnotationEvents;
import org.semiont.server.annotation.AnnotationShapes;

/**
 * The {@code annotations} part of a {@link BulkFold}: the final row of every annotation, built with the same
 * {@code AnnotationShapes} calls as {@code AnnotationProjection}.
 */
final class AnnotationFold {
    final Map<String, AnnotationRow> rows = new LinkedHashMap<>();
    private final ObjectMapper json;
    private final UnaryOperator<String> displayName;

    AnnotationFold(ObjectMapper json, UnaryOperator<String> displayName) {
        this.json = json;
        this.displayName = displayName;
    }

    static final class AnnotationRow {
        String id, documentId, targetSource, motivation, creatorId, target, body, data;
        List<String> linkedDocuments, entityTags;
        long position;
        LocalDateTime created, modified;
    }

    void apply(StoredEvent e, JsonNode p) {
        switch (e.type()) {
            case AnnotationEvents.ADDED -> addAnnotation(e, p.path("annotation"));
            case AnnotationEvents.REMOVED -> rows.remove(AnnotationShapes.shortId(p.path("annotationId").asText()));
            case AnnotationEvents.UPDATED -> replaceAnnotation(e, p.path("annotation"));
            case AnnotationEvents.BODY_UPDATED -> updateBody(e, p);
            default -> {
            }
        }
    }

    private void addAnnotation(StoredEvent e, JsonNode a) {
        String id = AnnotationShapes.shortId(a.path("id").asText());
        if (rows.containsKey(id)) {
            return;
        }
        ObjectNode creator = JsonNodeFactory.instance.objectNode().put("type", "Person").put("id", e.userId())
                .put("name", displayName.apply(e.userId()));
        AnnotationRow r = new AnnotationRow();
        r.id = id;
        r.documentId = e.documentId();
        r.creatorId = e.userId();
        r.position = e.position();
        r.created = Sql.utc(e.instant());
        fill(r, a, AnnotationShapes.served(a, creator, e.timestamp(), e.timestamp()), e);
        rows.put(id, r);
    }

    private void replaceAnnotation(StoredEvent e, JsonNode a) {
        AnnotationRow r = rows.get(AnnotationShapes.shortId(a.path("id").asText()));
        if (r == null) {
            return;
        }
        ObjectNode old = (ObjectNode) read(r.data);
        fill(r, a, AnnotationShapes.served(a, (ObjectNode) old.get("creator"), old.path("created").asText(), e.timestamp()), e);
    }

    private void fill(AnnotationRow r, JsonNode a, ObjectNode data, StoredEvent e) {
        JsonNode body = AnnotationShapes.bodyArray(a.get("body"));
        r.targetSource = AnnotationShapes.targetSource(a.path("target"));
        r.motivation = a.path("motivation").asText("");
        r.target = write(a.path("target"));
        setBody(r, body, data, e);
    }

    private void updateBody(StoredEvent e, JsonNode p) {
        AnnotationRow r = rows.get(AnnotationShapes.shortId(p.path("annotationId").asText()));
        if (r == null) {
            return;
        }
        ObjectNode data = (ObjectNode) read(r.data);
        JsonNode body = AnnotationShapes.applyOperations(data.get("body"), p.path("operations"));
        data.set("body", body);
        data.put("modified", e.timestamp());
        setBody(r, body, data, e);
    }

    private void setBody(AnnotationRow r, JsonNode body, ObjectNode data, StoredEvent e) {
        r.body = write(body);
        r.data = write(data);
        r.linkedDocuments = AnnotationShapes.linkedDocuments(body);
        r.entityTags = AnnotationShapes.entityTags(body);
        r.modified = Sql.utc(e.instant());
    }

    private String write(JsonNode n) {
        try {
            return json.writeValueAsString(n);
        } catch (IOException ex) {
            throw new IllegalStateException("cannot serialize annotation JSON", ex);
        }
    }

    /** The incremental path re-reads {@code data} from its stored text, so the fold does too. */
    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (IOException ex) {
            throw new IllegalStateException("annotation data is not JSON", ex);
        }
    }
}

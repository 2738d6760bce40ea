package org.semiont.server.projection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.UnaryOperator;
import org.semiont.events.StoredEvent;
import org.semiont.server.annotation.AnnotationEvents;
import org.semiont.server.annotation.AnnotationShapes;

/**
 * The {@code annotations} part of a {@link BulkFold}, built with the same {@code AnnotationShapes} calls as
 * {@code AnnotationProjection}. Memory is bounded: at most {@code window} rows are held, the least recently
 * touched go out to the {@link AnnotationSink} (and their ids into an {@link IdFilter}). An event about a row
 * that went out takes it back from the table, so the rules stay exactly those of the incremental projection.
 */
final class AnnotationFold {
    /**
     * A false "maybe" from the filter costs a query, and that query has to wait until PostgreSQL has taken in
     * everything sent so far: 32 bits per possible row keeps them rare; the cap (256 MB) is the memory bound.
     */
    private static final long MAX_FILTER_BITS = 1L << 31;
    private final LinkedHashMap<String, AnnotationRow> rows = new LinkedHashMap<>(1024, 0.75f, true);
    private final ObjectMapper json;
    private final UnaryOperator<String> displayName;
    private final AnnotationSink sink;
    private final int window;
    private final long filterBits;
    /** Ids of the rows sent to the table; made at the first, so a log that fits the window never pays for it. */
    private IdFilter sent;
    private long takenBack;

    AnnotationFold(ObjectMapper json, UnaryOperator<String> displayName, AnnotationSink sink, int window, long mostRows) {
        if (window < 1) {
            throw new IllegalArgumentException("the annotation window must hold at least one row, not " + window);
        }
        this.json = json;
        this.displayName = displayName;
        this.sink = sink;
        this.window = window;
        this.filterBits = Math.min(MAX_FILTER_BITS, Math.max(1L << 16, mostRows * 32));
    }

    /**
     * One annotation's row while the fold holds it: its column values, JSON as text (a few objects per row, so a
     * full window costs the garbage collector little), re-read before a change as the incremental projection does.
     */
    static final class AnnotationRow {
        String id, documentId, targetSource, motivation, creatorId, target, body, data;
        List<String> linkedDocuments, entityTags;
        long position;
        LocalDateTime created, modified;
    }

    void apply(StoredEvent e, JsonNode p, LocalDateTime at) throws SQLException {
        switch (e.type()) {
            case AnnotationEvents.ADDED -> addAnnotation(e, p.path("annotation"), at);
            case AnnotationEvents.REMOVED -> remove(AnnotationShapes.shortId(p.path("annotationId").asText()));
            case AnnotationEvents.UPDATED -> replaceAnnotation(e, p.path("annotation"), at);
            case AnnotationEvents.BODY_UPDATED -> updateBody(e, p, at);
            default -> {
            }
        }
    }

    /** Sends every row still held; the sink's COPY is finished by the caller. */
    void flush() throws SQLException {
        for (AnnotationRow r : rows.values()) {
            sink.write(r);
        }
        rows.clear();
    }

    /** How many rows came back from the table because the log touched them after they went out. */
    long takenBack() {
        return takenBack;
    }

    private void addAnnotation(StoredEvent e, JsonNode a, LocalDateTime at) throws SQLException {
        String id = AnnotationShapes.shortId(a.path("id").asText());
        if (rows.containsKey(id) || (sent != null && sent.mightContain(id) && sink.contains(id))) {
            return;
        }
        ObjectNode creator = JsonNodeFactory.instance.objectNode().put("type", "Person").put("id", e.userId())
                .put("name", displayName.apply(e.userId()));
        AnnotationRow r = new AnnotationRow();
        r.id = id;
        r.documentId = e.documentId();
        r.creatorId = e.userId();
        r.position = e.position();
        r.created = at;
        fill(r, a, AnnotationShapes.served(a, creator, e.timestamp(), e.timestamp()), at);
        rows.put(id, r);
        spillOver();
    }

    private void remove(String id) throws SQLException {
        if (rows.remove(id) == null && sent != null && sent.mightContain(id)) {
            sink.takeBack(id);
        }
    }

    private void replaceAnnotation(StoredEvent e, JsonNode a, LocalDateTime at) throws SQLException {
        AnnotationRow r = held(AnnotationShapes.shortId(a.path("id").asText()));
        if (r == null) {
            return;
        }
        ObjectNode old = (ObjectNode) read(r.data);
        fill(r, a, AnnotationShapes.served(a, (ObjectNode) old.get("creator"), old.path("created").asText(), e.timestamp(),
                AnnotationShapes.person(e.userId(), displayName.apply(e.userId()))), at);
    }

    private void fill(AnnotationRow r, JsonNode a, ObjectNode data, LocalDateTime at) {
        r.targetSource = AnnotationShapes.indexedTargetSource(a.path("target"));
        r.motivation = a.path("motivation").asText("");
        r.target = write(a.path("target"));
        setBody(r, AnnotationShapes.bodyArray(a.get("body")), data, at);
    }

    private void updateBody(StoredEvent e, JsonNode p, LocalDateTime at) throws SQLException {
        AnnotationRow r = held(AnnotationShapes.shortId(p.path("annotationId").asText()));
        if (r == null) {
            return;
        }
        ObjectNode data = (ObjectNode) read(r.data);
        JsonNode body = AnnotationShapes.applyOperations(data.get("body"), p.path("operations"));
        data.set("body", body);
        data.put("modified", e.timestamp());
        data.set("modifiedBy", AnnotationShapes.person(e.userId(), displayName.apply(e.userId())));
        setBody(r, body, data, at);
    }

    private void setBody(AnnotationRow r, JsonNode body, ObjectNode data, LocalDateTime at) {
        r.body = write(body);
        r.data = write(data);
        r.linkedDocuments = AnnotationShapes.linkedDocuments(body);
        r.entityTags = AnnotationShapes.entityTags(body);
        r.modified = at;
    }

    /** The row with this id, taken back from the table if it went out there; null if there is none. */
    private AnnotationRow held(String id) throws SQLException {
        AnnotationRow r = rows.get(id);
        if (r != null || sent == null || !sent.mightContain(id)) {
            return r;
        }
        r = sink.takeBack(id);
        if (r != null) {
            takenBack++;
            rows.put(id, r);
            spillOver();
        }
        return r;
    }

    /** Sends the least recently touched rows while more than {@code window} are held. */
    private void spillOver() throws SQLException {
        Iterator<AnnotationRow> eldest = rows.values().iterator();
        while (rows.size() > window) {
            AnnotationRow r = eldest.next();
            eldest.remove();
            sink.write(r);
            if (sent == null) {
                sent = new IdFilter(filterBits);
            }
            sent.add(r.id);
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

    private String write(JsonNode n) {
        try {
            return json.writeValueAsString(n);
        } catch (IOException ex) {
            throw new IllegalStateException("cannot serialize annotation JSON", ex);
        }
    }
}

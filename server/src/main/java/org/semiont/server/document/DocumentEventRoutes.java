package org.semiont.server.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.semiont.server.web.SecuredRoutes;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.semiont.events.EventLog;
import org.semiont.events.StoredEvent;
import org.semiont.events.StreamQuery;
import org.semiont.events.jsonl.BytePattern;
import org.semiont.server.util.Iris;
import org.semiont.server.error.DomainException;
import org.semiont.server.web.Requests;

/** {@code GET /api/documents/{id}/events} with filters, and the history of one annotation. */
public final class DocumentEventRoutes {
    public static final Set<String> TYPES = Set.of(DocumentEvents.CREATED, DocumentEvents.CLONED, DocumentEvents.ARCHIVED,
            DocumentEvents.UNARCHIVED, DocumentEvents.TAG_ADDED, DocumentEvents.TAG_REMOVED, "annotation.added",
            "annotation.removed", "annotation.body.updated");
    private static final Pattern UNESCAPED_ID = Pattern.compile("[A-Za-z0-9_-]+");
    private final EventLog events;
    private final DocumentService documents;

    public DocumentEventRoutes(EventLog events, DocumentService documents) {
        this.events = events;
        this.documents = documents;
    }

    public void register(SecuredRoutes routes) {
        routes.get("/api/documents/{id}/events", this::list);
        routes.get("/api/documents/{documentId}/annotations/{annotationId}/history", this::history);
    }

    private void list(Context ctx) {
        String id = documents.require(ctx.pathParam("id")).path("id").asText();
        String type = Requests.stringParam(ctx, "type", 100);
        if (type != null && !TYPES.contains(type)) {
            throw DomainException.invalid("BAD_REQUEST", "type must be one of " + new java.util.TreeSet<>(TYPES)
                    + ", got \""
                    + Requests.abbreviate(type) + "\"");
        }
        StreamQuery q = StreamQuery.all().fromSequence(Requests.intParam(ctx, "fromSequence", 1, 1, Integer.MAX_VALUE))
                .limit(Requests.intParam(ctx, "limit", 100, 1, 1000)).types(type == null ? Set.of() : Set.of(type))
                .userId(Requests.stringParam(ctx, "userId", 200)).between(time(ctx, "from"), time(ctx, "to"));
        List<StoredEvent> found = events.query(id, q);
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ArrayNode arr = out.putArray("events");
        found.forEach(e -> arr.add(wrapped(e)));
        ctx.json(out.put("total", found.size()).put("documentId", id));
    }

    private void history(Context ctx) {
        String id = documents.require(ctx.pathParam("documentId")).path("id").asText();
        String annotationId = Iris.lastSegment(ctx.pathParam("annotationId"));
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ArrayNode arr = out.putArray("events");
        // annotation ids are written unescaped, so the raw bytes rule most events out before any JSON is read
        Predicate<StoredEvent> mayMention = UNESCAPED_ID.matcher(annotationId).matches()
                ? mentioning(new BytePattern(annotationId.getBytes(StandardCharsets.US_ASCII))) : e -> true;
        try (var s = events.readStream(id, 1)) {
            s.filter(e -> mayMention.test(e) && e.type().startsWith("annotation.")).forEach(e -> {
                ObjectNode ev = e.event();
                JsonNode p = ev.path("payload");
                String about = p.has("annotation") ? p.path("annotation").path("id").asText() : p.path("annotationId").asText();
                if (Iris.lastSegment(about).equals(annotationId)) {
                    arr.add(wrapped(e));
                }
            });
        }
        if (arr.isEmpty()) {
            throw DomainException.notFound("Annotation " + annotationId + " has no events in document " + id);
        }
        ctx.json(out.put("total", arr.size()).put("annotationId", annotationId).put("documentId", id));
    }

    private static Predicate<StoredEvent> mentioning(BytePattern id) {
        return e -> e.eventContains(id);
    }

    private static Instant time(Context ctx, String name) {
        String v = Requests.stringParam(ctx, name, 40);
        try {
            return v == null ? null : Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw DomainException.invalid("BAD_REQUEST", "Query parameter " + name + " must be an ISO-8601 instant like "
                    + "2026-01-31T12:00:00.000Z, got \"" + Requests.abbreviate(v) + "\"");
        }
    }

    /** {event:{id,type,timestamp,userId,documentId,payload}, metadata:{sequenceNumber,prevEventHash?,checksum}}. */
    public static ObjectNode wrapped(StoredEvent e) {
        ObjectNode ev = e.event();
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        for (String k : List.of("id", "type", "timestamp", "userId", "documentId", "payload")) {
            if (ev.has(k)) {
                event.set(k, ev.get(k));
            }
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.set("event", event);
        out.set("metadata", metadata(e));
        return out;
    }

    static ObjectNode metadata(StoredEvent e) {
        ObjectNode m = JsonNodeFactory.instance.objectNode().put("sequenceNumber", e.sequence());
        if (e.prevEventHash() != null) {
            m.put("prevEventHash", e.prevEventHash());
        }
        return m.put("checksum", e.checksum());
    }

    /** The SSE data frame: the event flattened with its metadata. */
    public static ObjectNode flattened(StoredEvent e) {
        ObjectNode out = (ObjectNode) wrapped(e).get("event");
        out.set("metadata", metadata(e));
        return out;
    }
}

package org.semiont.server.document;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.semiont.events.EventLog;
import org.semiont.events.StoredEvent;
import org.semiont.server.projection.RowHistory;

/**
 * The rules that turn a document stream's events into its {@code documents} row, as one pure function: the live
 * projection and the bulk rebuild both call it. Only document-level events ({@code document.*}, {@code entitytag.*})
 * change the row; each of them, on an existing row, raises {@code version} to its sequence and sets
 * {@code updatedAt}. A create on an existing row keeps the first; any other event on a missing row is a no-op.
 */
public final class DocumentFold {
    private DocumentFold() {
    }

    /** Whether events of this type can change a {@code documents} row. */
    public static boolean changesRow(String type) {
        return type.startsWith("document.") || type.startsWith("entitytag.");
    }

    /**
     * The row after {@code e}; {@code row} is the row before it (null: none), {@code payload} the event's payload
     * and {@code at} its time in UTC.
     */
    public static DocumentRow apply(DocumentRow row, StoredEvent e, JsonNode payload, LocalDateTime at) {
        if (e.documentId() == null || !changesRow(e.type())) {
            return row;
        }
        String type = e.type();
        if (row == null) {
            if (!DocumentEvents.CREATED.equals(type) && !DocumentEvents.CLONED.equals(type)) {
                return null;
            }
            row = created(e, payload, at);
        }
        String tag = payload.path("entityType").asText();
        switch (type) {
            case DocumentEvents.ARCHIVED -> row = row.withArchived(true);
            case DocumentEvents.UNARCHIVED -> row = row.withArchived(false);
            case DocumentEvents.TAG_ADDED -> {
                if (!row.entityTypes().contains(tag)) {
                    List<String> types = new ArrayList<>(row.entityTypes());
                    types.add(tag);
                    row = row.withEntityTypes(types);
                }
            }
            case DocumentEvents.TAG_REMOVED -> {
                List<String> types = new ArrayList<>(row.entityTypes());
                types.removeIf(tag::equals);
                row = row.withEntityTypes(types);
            }
            default -> {
            }
        }
        return row.touched(e.sequence(), at);
    }

    private static DocumentRow created(StoredEvent e, JsonNode p, LocalDateTime at) {
        List<String> types = new ArrayList<>();
        p.path("entityTypes").forEach(t -> types.add(t.asText()));
        return new DocumentRow(e.documentId(), p.path("name").asText(), p.path("format").asText(),
                p.path("contentChecksum").asText(), types, false, p.path("creationMethod").asText("api"), e.userId(),
                text(p, "language"), p.path("isDraft").asBoolean(false), text(p, "sourceAnnotationId"),
                text(p, p.has("parentDocumentId") ? "parentDocumentId" : "sourceDocumentId"), e.sequence(), at, at);
    }

    /** The document's row as it was right after the event at global {@code position} (empty: it did not exist then). */
    public static Optional<DocumentRow> asOf(EventLog log, String documentId, long position) {
        return Optional.ofNullable(RowHistory.asOf(log, documentId, position, null,
                (row, e, event, at) -> apply(row, e, event.path("payload"), at)));
    }

    private static String text(JsonNode p, String field) {
        JsonNode n = p.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }
}

package org.semiont.server.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.semiont.events.StoredEvent;
import org.semiont.server.projection.Projection;
import org.semiont.server.util.Sql;

/**
 * Projects document streams into {@code documents}. A document-level event advances the row's version and
 * {@code updatedAt}; those bumps are coalesced to one UPDATE per document per batch. Annotation events leave the
 * row alone (an UPDATE per event was a fifth of PostgreSQL's work on the write path): they only make the document's
 * JSON file due, and the file takes its stream version from the last event projected.
 */
public final class DocumentProjection implements Projection {
    private final Map<String, Touch> touched = new LinkedHashMap<>();
    private final Map<String, Touch> changedFiles = new HashMap<>();
    private final DocumentFiles files;

    private record Touch(long version, Instant at) {
    }

    public DocumentProjection(DocumentFiles files) {
        this.files = files;
    }

    @Override
    public boolean handles(String type) {
        return type.startsWith("document.") || type.startsWith("entitytag.") || type.startsWith("annotation.");
    }

    @Override
    public void apply(Connection c, StoredEvent e, ObjectNode event) throws SQLException {
        String id = e.documentId();
        if (id == null) {
            return;
        }
        JsonNode p = event.path("payload");
        switch (e.type()) {
            case DocumentEvents.CREATED, DocumentEvents.CLONED -> insert(c, id, e, p);
            case DocumentEvents.ARCHIVED -> Sql.update(c, "UPDATE documents SET archived = true WHERE id = ?", id);
            case DocumentEvents.UNARCHIVED -> Sql.update(c, "UPDATE documents SET archived = false WHERE id = ?", id);
            case DocumentEvents.TAG_ADDED -> Sql.update(c, "UPDATE documents SET \"entityTypes\" = array_append(\"entityTypes\", ?) "
                    + "WHERE id = ? AND NOT (? = ANY(\"entityTypes\"))", p.path("entityType").asText(), id, p.path("entityType").asText());
            case DocumentEvents.TAG_REMOVED -> Sql.update(c, "UPDATE documents SET \"entityTypes\" = array_remove(\"entityTypes\", ?) "
                    + "WHERE id = ?", p.path("entityType").asText(), id);
            default -> {
            }
        }
        Touch t = new Touch(e.sequence(), e.instant());
        if (!e.type().startsWith("annotation.")) {
            touched.put(id, t);
        }
        changedFiles.put(id, t);
    }

    private static void insert(Connection c, String id, StoredEvent e, JsonNode p) throws SQLException {
        List<String> types = new ArrayList<>();
        p.path("entityTypes").forEach(t -> types.add(t.asText()));
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO documents (id, name, format, \"contentChecksum\", "
                + "\"entityTypes\", archived, \"creationMethod\", \"creatorId\", language, \"isDraft\", \"sourceAnnotationId\", "
                + "\"sourceDocumentId\", version, created, \"updatedAt\") VALUES (?,?,?,?,?,false,?,?,?,?,?,?,?,?,?) "
                + "ON CONFLICT (id) DO NOTHING")) {
            ps.setString(1, id);
            ps.setString(2, p.path("name").asText());
            ps.setString(3, p.path("format").asText());
            ps.setString(4, p.path("contentChecksum").asText());
            ps.setArray(5, Sql.textArray(c, types));
            ps.setString(6, p.path("creationMethod").asText("api"));
            ps.setString(7, e.userId());
            ps.setString(8, text(p, "language"));
            ps.setBoolean(9, p.path("isDraft").asBoolean(false));
            ps.setString(10, text(p, "sourceAnnotationId"));
            ps.setString(11, text(p, p.has("parentDocumentId") ? "parentDocumentId" : "sourceDocumentId"));
            ps.setLong(12, e.sequence());
            ps.setObject(13, Sql.utc(e.instant()));
            ps.setObject(14, Sql.utc(e.instant()));
            ps.executeUpdate();
        }
    }

    private static String text(JsonNode p, String field) {
        JsonNode n = p.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }

    @Override
    public void beforeCommit(Connection c) throws SQLException {
        if (touched.isEmpty()) {
            return;
        }
        int n = touched.size();
        String[] ids = new String[n];
        Long[] versions = new Long[n];
        String[] times = new String[n];
        int i = 0;
        for (Map.Entry<String, Touch> t : touched.entrySet()) {
            ids[i] = t.getKey();
            versions[i] = t.getValue().version();
            times[i++] = Sql.utc(t.getValue().at()).toString();
        }
        // one statement for the whole batch: PostgreSQL's per-statement work was half the cost of these updates
        try (PreparedStatement ps = c.prepareStatement("UPDATE documents AS d SET version = GREATEST(d.version, t.version), "
                + "\"updatedAt\" = t.at::timestamp FROM unnest(?::text[], ?::bigint[], ?::text[]) AS t(id, version, at) WHERE d.id = t.id")) {
            ps.setArray(1, c.createArrayOf("text", ids));
            ps.setArray(2, c.createArrayOf("bigint", versions));
            ps.setArray(3, c.createArrayOf("text", times));
            ps.executeUpdate();
        }
        touched.clear();
    }

    /** The rows are final: a replay would only have rewritten these documents' JSON files after commit. */
    @Override
    public void rebuilt(Connection c, List<StoredEvent> tails) {
        for (StoredEvent e : tails) {
            if (e.documentId() != null) {
                changedFiles.put(e.documentId(), new Touch(e.sequence(), e.instant()));
            }
        }
    }

    @Override
    public void afterCommit(List<StoredEvent> batch) {
        changedFiles.forEach((id, t) -> files.markDirty(id, t.version(), t.at()));
        changedFiles.clear();
    }

    @Override
    public void afterRollback() {
        touched.clear();
        changedFiles.clear();
    }

    @Override
    public void truncate(Connection c) throws SQLException {
        Sql.update(c, "DELETE FROM documents");
    }
}

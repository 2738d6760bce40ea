package org.semiont.server.annotation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.semiont.events.StoredEvent;
import org.semiont.server.projection.Projection;
import org.semiont.server.projection.Sql;

/** Projects annotation events into {@code annotations}: the served JSON plus extracted, indexed columns. */
public final class AnnotationProjection implements Projection {
    private final ObjectMapper json;
    /** Creator display names, read through the projector's own transaction so a rebuild gives the same names. */
    private final Map<String, String> names = new HashMap<>();
    /** Inserts of consecutive {@code annotation.added} events go out as one JDBC batch (one round trip). */
    private PreparedStatement pendingInserts;
    /** This batch's inserted rows, handed to the repository once they are committed (a create's answer). */
    private final List<AnnotationRepository.Stored> inserted = new ArrayList<>();
    private final AnnotationRepository repository;

    public AnnotationProjection(ObjectMapper json, AnnotationRepository repository) {
        this.json = json;
        this.repository = repository;
    }

    @Override
    public boolean handles(String type) {
        return type.startsWith("annotation.") || type.startsWith("user.");
    }

    @Override
    public void apply(Connection c, StoredEvent e, ObjectNode event) throws SQLException {
        JsonNode p = event.path("payload");
        if (!AnnotationEvents.ADDED.equals(e.type())) {
            flush();
        }
        switch (e.type()) {
            case AnnotationEvents.ADDED -> insert(c, e, p.path("annotation"));
            case AnnotationEvents.REMOVED -> Sql.update(c, "DELETE FROM annotations WHERE id = ?",
                    AnnotationShapes.shortId(p.path("annotationId").asText()));
            case AnnotationEvents.UPDATED -> replace(c, e, p.path("annotation"));
            case AnnotationEvents.BODY_UPDATED -> updateBody(c, e, AnnotationShapes.shortId(p.path("annotationId").asText()),
                    p.path("operations"));
            default -> names.clear();
        }
    }

    private String name(Connection c, String userId) throws SQLException {
        String cached = names.get(userId);
        if (cached != null) {
            return cached;
        }
        String name = userId;
        try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(nullif(name, ''), email) FROM users WHERE id = ?")) {
            ps.setString(1, userId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    name = rs.getString(1);
                }
            }
        }
        names.put(userId, name);
        return name;
    }

    private void flush() throws SQLException {
        if (pendingInserts != null) {
            try {
                pendingInserts.executeBatch();
            } finally {
                pendingInserts.close();
                pendingInserts = null;
            }
        }
    }

    @Override
    public void beforeCommit(Connection c) throws SQLException {
        flush();
    }

    @Override
    public void afterCommit(List<StoredEvent> batch) {
        if (!inserted.isEmpty()) {
            repository.committed(inserted);
            inserted.clear();
        }
    }

    @Override
    public void afterRollback() {
        names.clear();
        inserted.clear();
        try {
            flush();
        } catch (SQLException e) {
            pendingInserts = null;
        }
    }

    private void insert(Connection c, StoredEvent e, JsonNode a) throws SQLException {
        String id = AnnotationShapes.shortId(a.path("id").asText());
        ObjectNode creator = JsonNodeFactory.instance.objectNode().put("type", "Person").put("id", e.userId())
                .put("name", name(c, e.userId()));
        ObjectNode data = AnnotationShapes.served(a, creator, e.timestamp(), e.timestamp());
        JsonNode body = AnnotationShapes.bodyArray(a.get("body"));
        if (pendingInserts == null) {
            pendingInserts = c.prepareStatement("INSERT INTO annotations (id, \"documentId\", \"targetSource\", motivation, "
                    + "\"creatorId\", target, body, data, \"linkedDocuments\", \"entityTags\", position, created, modified) "
                    + "VALUES (?,?,?,?,?,?::jsonb,?::jsonb,?::json,?,?,?,?,?) ON CONFLICT (id) DO NOTHING");
        }
        PreparedStatement ps = pendingInserts;
        ps.setString(1, id);
        ps.setString(2, e.documentId());
        ps.setString(3, AnnotationShapes.targetSource(a.path("target")));
        ps.setString(4, a.path("motivation").asText(""));
        ps.setString(5, e.userId());
        ps.setString(6, write(a.path("target")));
        ps.setString(7, write(body));
        String dataText = write(data);
        ps.setString(8, dataText);
        ps.setArray(9, Sql.textArray(c, AnnotationShapes.linkedDocuments(body)));
        ps.setArray(10, Sql.textArray(c, AnnotationShapes.entityTags(body)));
        ps.setLong(11, e.position());
        ps.setObject(12, Sql.utc(e.instant()));
        ps.setObject(13, Sql.utc(e.instant()));
        ps.addBatch();
        inserted.add(new AnnotationRepository.Stored(id, e.documentId(), dataText));
    }

    private void updateBody(Connection c, StoredEvent e, String id, JsonNode operations) throws SQLException {
        ObjectNode data;
        try (PreparedStatement ps = c.prepareStatement("SELECT data FROM annotations WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return;
                }
                data = (ObjectNode) read(rs.getString(1));
            }
        }
        ArrayNode body = AnnotationShapes.applyOperations(data.get("body"), operations);
        data.set("body", body);
        data.put("modified", e.timestamp());
        Sql.update(c, "UPDATE annotations SET body = ?::jsonb, data = ?::json, \"linkedDocuments\" = ?, \"entityTags\" = ?, "
                        + "modified = ? WHERE id = ?", write(body), write(data), Sql.textArray(c, AnnotationShapes.linkedDocuments(body)),
                Sql.textArray(c, AnnotationShapes.entityTags(body)), Sql.utc(e.instant()), id);
    }

    private void replace(Connection c, StoredEvent e, JsonNode a) throws SQLException {
        String id = AnnotationShapes.shortId(a.path("id").asText());
        ObjectNode old;
        try (PreparedStatement ps = c.prepareStatement("SELECT data FROM annotations WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return;
                }
                old = (ObjectNode) read(rs.getString(1));
            }
        }
        ObjectNode data = AnnotationShapes.served(a, (ObjectNode) old.get("creator"), old.path("created").asText(), e.timestamp());
        JsonNode body = AnnotationShapes.bodyArray(a.get("body"));
        Sql.update(c, "UPDATE annotations SET \"targetSource\" = ?, motivation = ?, target = ?::jsonb, body = ?::jsonb, data = ?::json, "
                        + "\"linkedDocuments\" = ?, \"entityTags\" = ?, modified = ? WHERE id = ?", AnnotationShapes.targetSource(a.path("target")),
                a.path("motivation").asText(""), write(a.path("target")), write(body), write(data),
                Sql.textArray(c, AnnotationShapes.linkedDocuments(body)), Sql.textArray(c, AnnotationShapes.entityTags(body)),
                Sql.utc(e.instant()), id);
    }

    private String write(JsonNode n) {
        try {
            return json.writeValueAsString(n);
        } catch (IOException ex) {
            throw new IllegalStateException("cannot serialize annotation JSON", ex);
        }
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (IOException ex) {
            throw new IllegalStateException("annotations.data holds invalid JSON", ex);
        }
    }

    @Override
    public void truncate(Connection c) throws SQLException {
        Sql.update(c, "DELETE FROM annotations");
    }
}

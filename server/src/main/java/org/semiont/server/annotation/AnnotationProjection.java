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
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.semiont.events.StoredEvent;
import org.semiont.server.projection.CommitMessage;
import org.semiont.server.projection.Projection;
import org.semiont.server.util.Sql;

/** Projects annotation events into {@code annotations}: the served JSON plus extracted, indexed columns. */
public final class AnnotationProjection implements Projection {
    /** Beyond this many rows a batch's inserts go out as a JDBC batch ahead of the commit: one text per row count. */
    public static final int MAX_ROWS_IN_COMMIT = 64;
    private static final String INSERT_HEAD = "INSERT INTO annotations (id, \"documentId\", \"targetSource\", motivation, "
            + "\"creatorId\", target, body, data, \"linkedDocuments\", \"entityTags\", position, created, modified) VALUES ";
    private static final String ROW_VALUES = "(?,?,?,?,?,?::jsonb,?::jsonb,?::json,?,?,?,?,?)";
    private static final String INSERT_TAIL = " ON CONFLICT (id) DO NOTHING";
    /** One row: the driver rewrites a JDBC batch of it into multi-row INSERTs ({@code reWriteBatchedInserts}). */
    private static final String INSERT = INSERT_HEAD + ROW_VALUES + INSERT_TAIL;
    /** The INSERT of n rows at index n - 1: the same text each time, so the driver reuses its prepared statement. */
    private static final List<String> INSERTS = IntStream.rangeClosed(1, MAX_ROWS_IN_COMMIT)
            .mapToObj(n -> INSERT_HEAD + String.join(",", Collections.nCopies(n, ROW_VALUES)) + INSERT_TAIL).toList();
    private final ObjectMapper json;
    /** Creator display names, read through the projector's own transaction so a rebuild gives the same names. */
    private final Map<String, String> names = new HashMap<>();
    /** Rows of consecutive {@code annotation.added} events, inserted together (one round trip). */
    private final List<Row> pending = new ArrayList<>();
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
            flush(c);
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
        try (PreparedStatement ps = c.prepareStatement("SELECT name, email FROM users WHERE id = ?")) {
            ps.setString(1, userId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    name = org.semiont.server.user.UserRecord.displayName(rs.getString(1), rs.getString(2));
                }
            }
        }
        names.put(userId, name);
        return name;
    }

    private void flush(Connection c) throws SQLException {
        if (pending.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (Row r : pending) {
                r.bind(ps, 1);
                ps.addBatch();
            }
            ps.executeBatch();
        } finally {
            pending.clear();
        }
    }

    @Override
    public void beforeCommit(Connection c) throws SQLException {
        flush(c);
    }

    /** Up to {@value #MAX_ROWS_IN_COMMIT} pending rows go out as one multi-row INSERT in the commit's message. */
    @Override
    public void beforeCommit(Connection c, CommitMessage message) throws SQLException {
        if (pending.isEmpty() || pending.size() > MAX_ROWS_IN_COMMIT) {
            flush(c);
            return;
        }
        List<Row> rows = List.copyOf(pending);
        pending.clear();
        message.add(INSERTS.get(rows.size() - 1), (ps, first) -> {
            int at = first;
            for (Row r : rows) {
                at = r.bind(ps, at);
            }
            return at - first;
        });
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
        pending.clear();
    }

    private void insert(Connection c, StoredEvent e, JsonNode a) throws SQLException {
        String id = AnnotationShapes.shortId(a.path("id").asText());
        ObjectNode creator = JsonNodeFactory.instance.objectNode().put("type", "Person").put("id", e.userId())
                .put("name", name(c, e.userId()));
        ObjectNode data = AnnotationShapes.served(a, creator, e.timestamp(), e.timestamp());
        JsonNode body = AnnotationShapes.bodyArray(a.get("body"));
        String dataText = write(data);
        pending.add(new Row(id, e.documentId(), AnnotationShapes.indexedTargetSource(a.path("target")), a.path("motivation").asText(""),
                e.userId(), write(a.path("target")), write(body), dataText, AnnotationShapes.linkedDocuments(body),
                AnnotationShapes.entityTags(body), e.position(), Sql.utc(e.instant())));
        inserted.add(new AnnotationRepository.Stored(id, e.documentId(), dataText));
    }

    /** An inserted row's values, held until the batch's inserts go out. */
    private record Row(String id, String documentId, String targetSource, String motivation,
                       String creatorId, String target, String body, String data, List<String> linkedDocuments,
                       List<String> entityTags, long position, LocalDateTime at) {
        /** Sets this row's parameters from {@code first}; returns the index after them. */
        int bind(PreparedStatement ps, int first) throws SQLException {
            Connection connection = ps.getConnection();
            ps.setString(first, id);
            ps.setString(first + 1, documentId);
            ps.setString(first + 2, targetSource);
            ps.setString(first + 3, motivation);
            ps.setString(first + 4, creatorId);
            ps.setString(first + 5, target);
            ps.setString(first + 6, body);
            ps.setString(first + 7, data);
            ps.setArray(first + 8, Sql.textArray(connection, linkedDocuments));
            ps.setArray(first + 9, Sql.textArray(connection, entityTags));
            ps.setLong(first + 10, position);
            ps.setObject(first + 11, at);
            ps.setObject(first + 12, at);
            return first + 13;
        }
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
        data.set("modifiedBy", AnnotationShapes.person(e.userId(), name(c, e.userId())));
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
        ObjectNode data = AnnotationShapes.served(a, (ObjectNode) old.get("creator"), old.path("created").asText(), e.timestamp(),
                AnnotationShapes.person(e.userId(), name(c, e.userId())));
        JsonNode body = AnnotationShapes.bodyArray(a.get("body"));
        Sql.update(c, "UPDATE annotations SET \"targetSource\" = ?, motivation = ?, target = ?::jsonb, body = ?::jsonb, data = ?::json, "
                        + "\"linkedDocuments\" = ?, \"entityTags\" = ?, modified = ? WHERE id = ?", AnnotationShapes.indexedTargetSource(a.path("target")),
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

package org.semiont.server.document;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import javax.sql.DataSource;
import org.semiont.server.logging.LogTimestamps;
import org.semiont.server.util.Sql;

/** Reads {@code documents} and shapes rows as the API's Document JSON. */
public final class DocumentRepository {
    private final DataSource pool;
    private final Function<String, String> userNames;
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    public DocumentRepository(DataSource pool, Function<String, String> userNames) {
        this.pool = pool;
        this.userNames = userNames;
    }

    /** Filters of the document list; null means "any". */
    public record ListQuery(int offset, int limit, String entityType, Boolean archived, String search) {
    }

    public record Page(List<ObjectNode> documents, long total) {
    }

    public Optional<ObjectNode> get(String id) {
        List<ObjectNode> rows = query("SELECT * FROM documents WHERE id = ?", List.of(id));
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** The documents whose ids lie between {@code fromId} and {@code toId} (inclusive), in id order. */
    public List<ObjectNode> between(String fromId, String toId) {
        return query("SELECT * FROM documents WHERE id >= ? AND id <= ? ORDER BY id", List.of(fromId, toId));
    }

    /** Every document's id, in id order. */
    public List<String> allIds() {
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT id FROM documents ORDER BY id");
             ResultSet rs = ps.executeQuery()) {
            List<String> ids = new ArrayList<>();
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read documents: " + e.getMessage(), e);
        }
    }

    /** Documents are never deleted, so a positive answer is cached. */
    public boolean exists(String id) {
        if (known.contains(id)) {
            return true;
        }
        boolean found = count("SELECT count(*) FROM documents WHERE id = ?", List.of(id)) > 0;
        if (found) {
            known.add(id);
        }
        return found;
    }

    public Page list(ListQuery q) {
        StringBuilder where = new StringBuilder(" WHERE true");
        List<Object> args = new ArrayList<>();
        if (q.entityType() != null) {
            where.append(" AND ? = ANY(\"entityTypes\")");
            args.add(q.entityType());
        }
        if (q.archived() != null) {
            where.append(" AND archived = ?");
            args.add(q.archived());
        }
        if (q.search() != null) {
            where.append(" AND name ILIKE ? ESCAPE '\\'");
            args.add("%" + q.search().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        long total = count("SELECT count(*) FROM documents" + where, args);
        List<Object> paged = new ArrayList<>(args);
        paged.add(q.limit());
        paged.add(q.offset());
        return new Page(query("SELECT * FROM documents" + where + " ORDER BY created DESC, id LIMIT ? OFFSET ?", paged), total);
    }

    private long count(String sql, List<Object> args) {
        try (Connection c = pool.getConnection(); PreparedStatement ps = prepare(c, sql, args); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count documents: " + e.getMessage(), e);
        }
    }

    private List<ObjectNode> query(String sql, List<Object> args) {
        try (Connection c = pool.getConnection(); PreparedStatement ps = prepare(c, sql, args); ResultSet rs = ps.executeQuery()) {
            List<ObjectNode> out = new ArrayList<>();
            while (rs.next()) {
                out.add(json(rs));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read documents: " + e.getMessage(), e);
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, List<Object> args) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < args.size(); i++) {
            ps.setObject(i + 1, args.get(i));
        }
        return ps;
    }

    private ObjectNode json(ResultSet rs) throws SQLException {
        ObjectNode d = JsonNodeFactory.instance.objectNode();
        d.put("id", rs.getString("id")).put("name", rs.getString("name")).put("format", rs.getString("format"))
                .put("contentChecksum", rs.getString("contentChecksum"));
        ArrayNode types = d.putArray("entityTypes");
        Sql.strings(rs, "entityTypes").forEach(types::add);
        d.put("archived", rs.getBoolean("archived"));
        d.put("created", LogTimestamps.format(Sql.instant(rs, "created")));
        d.put("creationMethod", rs.getString("creationMethod"));
        String creator = rs.getString("creatorId");
        d.putObject("creator").put("type", "Person").put("id", creator).put("name", userNames.apply(creator));
        putIfSet(d, "language", rs.getString("language"));
        d.put("isDraft", rs.getBoolean("isDraft"));
        putIfSet(d, "sourceAnnotationId", rs.getString("sourceAnnotationId"));
        putIfSet(d, "sourceDocumentId", rs.getString("sourceDocumentId"));
        return d;
    }

    private static void putIfSet(ObjectNode d, String field, String value) {
        if (value != null) {
            d.put(field, value);
        }
    }
}

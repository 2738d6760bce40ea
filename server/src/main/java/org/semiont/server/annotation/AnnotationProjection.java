package org.semiont.server.annotation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.semiont.events.StoredEvent;
import org.semiont.server.projection.BulkContext;
import org.semiont.server.projection.BulkFolder;
import org.semiont.server.projection.CommitMessage;
import org.semiont.server.projection.ProjectedTable;
import org.semiont.server.projection.Projection;
import org.semiont.server.user.UserBulk;
import org.semiont.server.user.UserRecord;
import org.semiont.server.util.Sql;

/**
 * Projects annotation events into {@code annotations} by {@link AnnotationFold}: the served JSON plus extracted,
 * indexed columns. A change reads the row, folds the event onto it and writes the result. An add is folded onto no
 * row and inserted with {@code ON CONFLICT DO NOTHING}, which is the fold's "the first add wins" without reading
 * first; consecutive adds go out together (one round trip).
 */
public final class AnnotationProjection implements Projection {
    /** The tables this projection fills, with their keys. */
    public static final List<ProjectedTable> TABLES = List.of(new ProjectedTable("annotations", "id"));
    /** Beyond this many rows a batch's inserts go out as a JDBC batch ahead of the commit: one text per row count. */
    public static final int MAX_ROWS_IN_COMMIT = AnnotationRows.MAX_ROWS_IN_COMMIT;
    private final ObjectMapper json;
    private final AnnotationFold fold;
    /** Creator display names, read through the projector's own transaction so a rebuild gives the same names. */
    private final Map<String, String> names = new HashMap<>();
    /** Rows of consecutive {@code annotation.added} events, inserted together (one round trip). */
    private final List<AnnotationRow> pending = new ArrayList<>();
    /** This batch's inserted rows, handed to the repository once they are committed (a create's answer). */
    private final List<AnnotationRepository.Stored> inserted = new ArrayList<>();
    private final AnnotationRepository repository;

    public AnnotationProjection(ObjectMapper json, AnnotationRepository repository) {
        this.json = json;
        this.fold = new AnnotationFold(json);
        this.repository = repository;
    }

    @Override
    public boolean handles(String type) {
        return type.startsWith("annotation.") || type.startsWith("user.");
    }

    @Override
    public void apply(Connection c, StoredEvent e, ObjectNode event) throws SQLException {
        JsonNode p = event.path("payload");
        String id = AnnotationFold.rowId(e.type(), p);
        if (id == null) {
            flush(c);
            names.clear();
            return;
        }
        if (AnnotationEvents.ADDED.equals(e.type())) {
            AnnotationRow row = fold.apply(null, e, p, Sql.utc(e.instant()), nameOf(c, e.userId()));
            pending.add(row);
            inserted.add(new AnnotationRepository.Stored(row.id(), row.documentId(), row.data()));
            return;
        }
        flush(c);
        AnnotationRow before = AnnotationRows.load(c, id);
        AnnotationRow after = fold.apply(before, e, p, Sql.utc(e.instant()),
                before == null || AnnotationEvents.REMOVED.equals(e.type()) ? userId -> userId : nameOf(c, e.userId()));
        AnnotationRows.write(c, before, after);
    }

    /** The names an event of {@code userId} needs: only its author's, read before the fold runs. */
    private java.util.function.UnaryOperator<String> nameOf(Connection c, String userId) throws SQLException {
        String name = name(c, userId);
        return id -> id.equals(userId) ? name : id;
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
                    name = UserRecord.displayName(rs.getString(1), rs.getString(2));
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
        try (PreparedStatement ps = c.prepareStatement(AnnotationRows.INSERT)) {
            for (AnnotationRow r : pending) {
                AnnotationRows.bind(ps, 1, r);
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
        List<AnnotationRow> rows = List.copyOf(pending);
        pending.clear();
        message.add(AnnotationRows.insertOf(rows.size()), (ps, first) -> {
            int at = first;
            for (AnnotationRow r : rows) {
                at = AnnotationRows.bind(ps, at, r);
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

    @Override
    public List<ProjectedTable> tables() {
        return TABLES;
    }

    /** Creator names come from the users' bulk fold, as they stand at each event. */
    @Override
    public BulkFolder bulk(BulkContext context) {
        return new AnnotationBulk(json, context.earlier(UserBulk.class)::displayName,
                new AnnotationSink(context.connection(), context.exclusive()), context.window(), context.events());
    }

    @Override
    public void deleteStream(Connection c, String streamId) throws SQLException {
        Sql.update(c, "DELETE FROM annotations WHERE \"documentId\" = ?", streamId);
    }

    @Override
    public void truncate(Connection c) throws SQLException {
        Sql.update(c, "DELETE FROM annotations");
    }
}

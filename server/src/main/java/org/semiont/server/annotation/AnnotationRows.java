package org.semiont.server.annotation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.semiont.server.util.Sql;

/** {@link AnnotationRow}s in and out of {@code annotations} on the live path. */
final class AnnotationRows {
    /** Beyond this many rows a batch's inserts go out as a JDBC batch ahead of the commit: one text per row count. */
    static final int MAX_ROWS_IN_COMMIT = 64;
    private static final String INSERT_HEAD = "INSERT INTO annotations (id, \"documentId\", \"targetSource\", motivation, "
            + "\"creatorId\", target, body, data, \"linkedDocuments\", \"entityTags\", position, created, modified) VALUES ";
    private static final String ROW_VALUES = "(?,?,?,?,?,?::jsonb,?::jsonb,?::json,?,?,?,?,?)";
    private static final String INSERT_TAIL = " ON CONFLICT (id) DO NOTHING";
    /** One row: the driver rewrites a JDBC batch of it into multi-row INSERTs ({@code reWriteBatchedInserts}). */
    static final String INSERT = INSERT_HEAD + ROW_VALUES + INSERT_TAIL;
    /** The INSERT of n rows at index n - 1: the same text each time, so the driver reuses its prepared statement. */
    private static final List<String> INSERTS = IntStream.rangeClosed(1, MAX_ROWS_IN_COMMIT)
            .mapToObj(n -> INSERT_HEAD + String.join(",", Collections.nCopies(n, ROW_VALUES)) + INSERT_TAIL).toList();

    private AnnotationRows() {
    }

    /** The INSERT of {@code n} rows (1 to {@value #MAX_ROWS_IN_COMMIT}). */
    static String insertOf(int n) {
        return INSERTS.get(n - 1);
    }

    /** Sets the row's parameters from {@code first}; returns the index after them. */
    static int bind(PreparedStatement ps, int first, AnnotationRow r) throws SQLException {
        Connection connection = ps.getConnection();
        ps.setString(first, r.id());
        ps.setString(first + 1, r.documentId());
        ps.setString(first + 2, r.targetSource());
        ps.setString(first + 3, r.motivation());
        ps.setString(first + 4, r.creatorId());
        ps.setString(first + 5, r.target());
        ps.setString(first + 6, r.body());
        ps.setString(first + 7, r.data());
        ps.setArray(first + 8, Sql.textArray(connection, r.linkedDocuments()));
        ps.setArray(first + 9, Sql.textArray(connection, r.entityTags()));
        ps.setLong(first + 10, r.position());
        ps.setObject(first + 11, r.created());
        ps.setObject(first + 12, r.modified());
        return first + 13;
    }

    static AnnotationRow load(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT \"documentId\", \"targetSource\", motivation, \"creatorId\", "
                + "target::text, body::text, data::text, \"linkedDocuments\", \"entityTags\", position, created, modified "
                + "FROM annotations WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                return new AnnotationRow(id, rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), Sql.strings(rs, "linkedDocuments"),
                        Sql.strings(rs, "entityTags"), rs.getLong(10), rs.getObject(11, LocalDateTime.class),
                        rs.getObject(12, LocalDateTime.class));
            }
        }
    }

    /** Writes {@code after} over {@code before} (either may be null: no row). */
    static void write(Connection c, AnnotationRow before, AnnotationRow after) throws SQLException {
        if (after == null) {
            if (before != null) {
                Sql.update(c, "DELETE FROM annotations WHERE id = ?", before.id());
            }
        } else if (before == null) {
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                bind(ps, 1, after);
                ps.executeUpdate();
            }
        } else if (!after.equals(before)) {
            Sql.update(c, "UPDATE annotations SET \"targetSource\" = ?, motivation = ?, target = ?::jsonb, body = ?::jsonb, "
                            + "data = ?::json, \"linkedDocuments\" = ?, \"entityTags\" = ?, modified = ? WHERE id = ?",
                    after.targetSource(), after.motivation(), after.target(), after.body(), after.data(),
                    Sql.textArray(c, after.linkedDocuments()), Sql.textArray(c, after.entityTags()), after.modified(), after.id());
        }
    }
}

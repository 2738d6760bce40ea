package org.semiont.server.document;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.Collection;
import org.semiont.server.projection.BulkLoader;
import org.semiont.server.util.Sql;

/** {@link DocumentRow}s in and out of {@code documents}: one row by key (live path), all by COPY (bulk path). */
final class DocumentRows {
    private static final String COLUMNS = "id, name, format, \"contentChecksum\", \"entityTypes\", archived, \"creationMethod\", "
            + "\"creatorId\", language, \"isDraft\", \"sourceAnnotationId\", \"sourceDocumentId\", version, created, \"updatedAt\"";

    private DocumentRows() {
    }

    static DocumentRow load(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM documents WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                return new DocumentRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        Sql.strings(rs, "entityTypes"), rs.getBoolean(6), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getBoolean(10), rs.getString(11), rs.getString(12), rs.getLong(13),
                        rs.getObject(14, LocalDateTime.class), rs.getObject(15, LocalDateTime.class));
            }
        }
    }

    /** Writes {@code after} over {@code before} (either may be null: no row). */
    static void write(Connection c, DocumentRow before, DocumentRow after) throws SQLException {
        if (after == null || after.equals(before)) {
            if (after == null && before != null) {
                Sql.update(c, "DELETE FROM documents WHERE id = ?", before.id());
            }
            return;
        }
        if (before == null) {
            Sql.update(c, "INSERT INTO documents (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT (id) DO NOTHING",
                    values(c, after));
        } else {
            Object[] v = java.util.Arrays.copyOf(values(c, after), 16);
            v[15] = before.id();
            Sql.update(c, "UPDATE documents SET (" + COLUMNS + ") = (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) WHERE id = ?", v);
        }
    }

    private static Object[] values(Connection c, DocumentRow d) throws SQLException {
        return new Object[] {d.id(), d.name(), d.format(), d.contentChecksum(), Sql.textArray(c, d.entityTypes()), d.archived(),
                d.creationMethod(), d.creatorId(), d.language(), d.isDraft(), d.sourceAnnotationId(), d.sourceDocumentId(),
                d.version(), d.created(), d.updatedAt()};
    }

    static void copy(Connection c, Collection<DocumentRow> rows) throws SQLException {
        BulkLoader.copy(c, "documents (" + COLUMNS + ")", rows, (d, o) -> o.text(d.id()).text(d.name()).text(d.format())
                .text(d.contentChecksum()).array(d.entityTypes()).bool(d.archived()).text(d.creationMethod()).text(d.creatorId())
                .text(d.language()).bool(d.isDraft()).text(d.sourceAnnotationId()).text(d.sourceDocumentId()).number(d.version())
                .time(d.created()).time(d.updatedAt()));
    }
}

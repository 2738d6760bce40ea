package org.semiont.server.annotation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.semiont.server.projection.CopyBinary;

/**
 * Where a bulk rebuild's annotation rows go as soon as the fold (AnnotationBulk) lets go of them: {@code COPY annotations … FROM
 * STDIN (FORMAT binary)}, sent in chunks while the fold goes on, so PostgreSQL loads on one core while the log
 * is folded on the other. A row that the log touches again after it went out is taken back ({@link #takeBack}):
 * that ends the current COPY (the connection runs one command at a time); the next row starts another.
 */
final class AnnotationSink implements AutoCloseable {
    static final String COLUMNS = "annotations (id, \"documentId\", \"targetSource\", motivation, \"creatorId\", target, body, data, "
            + "\"linkedDocuments\", \"entityTags\", position, created, modified)";
    private static final int CHUNK = 1 << 20;
    private final Connection c;
    private final String copySql;
    private final CopyBinary out = new CopyBinary();
    private CopyIn copy;
    private long written;

    /**
     * {@code freeze}: the table was truncated in this transaction, so rows may be written frozen (no hint bits
     * to set later, when the indexes are built over them and on the first reads).
     */
    AnnotationSink(Connection c, boolean freeze) {
        this.c = c;
        this.copySql = "COPY " + COLUMNS + " FROM STDIN (FORMAT binary" + (freeze ? ", FREEZE" : "") + ")";
    }

    /** The final columns of the row, as {@code AnnotationProjection} writes them. */
    void write(AnnotationRow r) throws SQLException {
        if (copy == null) {
            copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql);
            out.header();
        }
        out.row(13).text(r.id()).text(r.documentId()).text(r.targetSource()).text(r.motivation()).text(r.creatorId())
                .jsonb(r.target()).jsonb(r.body()).json(r.data()).textArray(r.linkedDocuments()).textArray(r.entityTags())
                .int8(r.position()).timestamp(r.created()).timestamp(r.modified());
        written++;
        if (out.size() >= CHUNK) {
            send();
        }
    }

    /**
     * Takes a row that went out back from the table (deleting it there), or returns null if there is none: the
     * fold applies the next event to it (or drops it, for a removal). {@code data} comes back as stored; the
     * {@code jsonb} columns as their canonical text, which loads back as the same value.
     */
    AnnotationRow takeBack(String id) throws SQLException {
        pause();
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM annotations WHERE id = ? RETURNING \"documentId\", "
                + "\"targetSource\", motivation, \"creatorId\", target::text, body::text, data::text, \"linkedDocuments\", "
                + "\"entityTags\", position, created, modified")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                return new AnnotationRow(id, rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), List.of((String[]) rs.getArray(8).getArray()),
                        List.of((String[]) rs.getArray(9).getArray()), rs.getLong(10), rs.getObject(11, LocalDateTime.class),
                        rs.getObject(12, LocalDateTime.class));
            }
        }
    }

    long written() {
        return written;
    }

    /** Sends what is buffered and ends the COPY: after the last row, or before a query. */
    void finish() throws SQLException {
        pause();
    }

    private void pause() throws SQLException {
        if (copy != null) {
            out.trailer();
            send();
            copy.endCopy();
            copy = null;
        }
    }

    private void send() throws SQLException {
        copy.writeToCopy(out.bytes(), 0, out.size());
        out.clear();
    }

    /** After a failure: a COPY still open is cancelled, so the connection can roll back. */
    @Override
    public void close() {
        if (copy != null && copy.isActive()) {
            try {
                copy.cancelCopy();
            } catch (SQLException ignored) {
                // the transaction is rolled back anyway
            }
        }
        copy = null;
        out.clear();
    }
}

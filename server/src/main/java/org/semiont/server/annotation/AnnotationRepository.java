package org.semiont.server.annotation;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.semiont.server.document.DocumentAnnotations;
import org.semiont.server.util.Sql;

/**
 * Reads {@code annotations}; annotation JSON comes back as the stored text (served as is). Rows the projector
 * has just committed are also kept for a moment, so a create can answer without reading its row back.
 */
public final class AnnotationRepository implements DocumentAnnotations {
    static final int STREAM_CHUNK = 500;
    static final int RECENT_ROWS = 4096;
    private final DataSource pool;
    private final Map<String, Stored> recent = new LinkedHashMap<>(RECENT_ROWS * 2) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Stored> eldest) {
            return size() > RECENT_ROWS;
        }
    };

    public AnnotationRepository(DataSource pool) {
        this.pool = pool;
    }

    /** One stored annotation: its served JSON text and the document it belongs to (null for plain IRIs). */
    public record Stored(String id, String documentId, String json) {
    }

    public record Page(List<String> annotations, long total) {
    }

    public Optional<Stored> get(String shortId) {
        List<Stored> rows = new ArrayList<>();
        run("SELECT id, \"documentId\", data FROM annotations WHERE id = ?", List.of(shortId), rs -> rows.add(
                new Stored(rs.getString(1), rs.getString(2), rs.getString(3))));
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /**
     * A row this process's projector inserted and committed moments ago, exactly as stored; else read from the
     * table. Only for ids nobody else can have used (generated ones): an insert that lost to an existing row
     * would otherwise be answered with the loser's text.
     */
    public Optional<Stored> justCreated(String shortId) {
        Stored row;
        synchronized (recent) {
            row = recent.remove(shortId);
        }
        return row != null ? Optional.of(row) : get(shortId);
    }

    /** Called by the projection after the transaction holding these inserts committed. */
    void committed(List<Stored> rows) {
        synchronized (recent) {
            rows.forEach(r -> recent.put(r.id(), r));
        }
    }

    public Page listByDocument(String documentId, String motivation, int offset, int limit) {
        String where = " WHERE \"documentId\" = ?" + (motivation == null ? "" : " AND motivation = ?");
        List<Object> args = new ArrayList<>(List.of(documentId));
        if (motivation != null) {
            args.add(motivation);
        }
        long[] total = new long[1];
        run("SELECT count(*) FROM annotations" + where, args, rs -> total[0] = rs.getLong(1));
        List<Object> paged = new ArrayList<>(args);
        paged.add(limit);
        paged.add(offset);
        List<String> out = new ArrayList<>();
        run("SELECT data FROM annotations" + where + " ORDER BY position LIMIT ? OFFSET ?", paged, rs -> out.add(rs.getString(1)));
        return new Page(out, total[0]);
    }

    /** Annotations of every target in creation order: the protocol container's pages. */
    public Page all(long offset, int limit) {
        long[] total = new long[1];
        run("SELECT count(*) FROM annotations", List.of(), rs -> total[0] = rs.getLong(1));
        List<String> out = new ArrayList<>();
        run("SELECT data FROM annotations ORDER BY position LIMIT ? OFFSET ?", List.of(limit, offset), rs -> out.add(rs.getString(1)));
        return new Page(out, total[0]);
    }

    /** When the newest change to a contained annotation was made (its {@code modified}); empty when none is held. */
    public Optional<Instant> lastModified() {
        Instant[] at = new Instant[1];
        run("SELECT max(modified) AS modified FROM annotations", List.of(),
                rs -> at[0] = Sql.instant(rs, "modified"));
        return Optional.ofNullable(at[0]);
    }

    public boolean exists(String shortId) {
        return get(shortId).isPresent();
    }

    /**
     * Streams a document's annotations (all, or only its entity references: linking annotations that carry a tagging
     * body, the original's entityReferences) in creation order, as JSON. Returns how many there were. A response built
     * as one list held ~400 MB of heap per request for a document with 95,000 annotations, and a few such GETs at once
     * could exhaust the heap.
     */
    @Override
    public long eachOfDocument(String documentId, boolean entityReferencesOnly, RowSink<String> sink) throws IOException {
        return inChunks("SELECT position, data FROM annotations WHERE \"documentId\" = ?" + (entityReferencesOnly
                ? " AND motivation = 'linking' AND cardinality(\"entityTags\") > 0" : "") + " AND position > ?",
                documentId, rs -> rs.getString(2), sink);
    }

    /**
     * Streams the backlinks to a document (annotations whose body links to it), with the name of the document each
     * is on, from one query per chunk: there was one query per backlink for the names.
     */
    @Override
    public long eachReferencing(String documentId, RowSink<Backlink> sink) throws IOException {
        return inChunks("SELECT a.position, a.id, a.\"documentId\", d.name, a.data FROM annotations a LEFT JOIN documents d "
                + "ON d.id = a.\"documentId\" WHERE a.\"linkedDocuments\" @> ARRAY[?]::text[] AND a.position > ?", documentId,
                rs -> new Backlink(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)), sink);
    }

    /** One query over the range, read through a cursor (a transaction holding one connection until the end). */
    @Override
    public void eachOfDocuments(String fromId, String toId, RowSink<OfDocument> sink) throws IOException {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("SELECT \"documentId\", data FROM annotations WHERE \"documentId\" >= ? "
                    + "AND \"documentId\" <= ? ORDER BY \"documentId\", position")) {
                ps.setFetchSize(STREAM_CHUNK);
                ps.setString(1, fromId);
                ps.setString(2, toId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(new OfDocument(rs.getString(1), rs.getString(2)));
                    }
                }
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read annotations: " + e.getMessage(), e);
        }
    }

    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /**
     * Runs {@code sql} (its first column the position, its parameters the argument and the position to continue
     * after) a chunk of {@value #STREAM_CHUNK} rows at a time in position order, handing each chunk to {@code sink}
     * only once its connection is back in the pool: a client reading slowly must not hold a connection (eight slow
     * readers would otherwise hold the whole pool, and the projector with it). Rows added meanwhile may appear, as
     * in any read of a live document. Returns the row count.
     */
    private <T> long inChunks(String sql, String arg, RowReader<T> reader, RowSink<T> sink) throws IOException {
        String chunkSql = sql + " ORDER BY 1 LIMIT " + STREAM_CHUNK;
        long after = Long.MIN_VALUE;
        long count = 0;
        List<T> chunk = new ArrayList<>(STREAM_CHUNK);
        do {
            chunk.clear();
            try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(chunkSql)) {
                ps.setString(1, arg);
                ps.setLong(2, after);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        after = rs.getLong(1);
                        chunk.add(reader.read(rs));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read annotations: " + e.getMessage(), e);
            }
            for (T row : chunk) {
                sink.accept(row);
            }
            count += chunk.size();
        } while (chunk.size() == STREAM_CHUNK);
        return count;
    }

    private interface RowHandler {
        void row(ResultSet rs) throws SQLException;
    }

    private void run(String sql, List<Object> args, RowHandler handler) {
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    handler.row(rs);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read annotations: " + e.getMessage(), e);
        }
    }
}

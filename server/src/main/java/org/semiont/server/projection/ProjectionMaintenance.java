package org.semiont.server.projection;

import org.semiont.server.util.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.semiont.events.EventLog;
import org.semiont.events.StoredEvent;

/**
 * Rebuilds the projections from the event log in one transaction, and checks them: rebuild inside a
 * transaction that is rolled back, comparing every projected row before and after. The full rebuild
 * takes the bulk path (fold in memory, then COPY); {@link #rebuildReplaying} keeps the event-by-event
 * replay through the projections as the reference the bulk path is measured and checked against.
 */
public final class ProjectionMaintenance {
    static final int BATCH = 2000;
    /**
     * Annotation rows a bulk rebuild holds at most (a few KB each as trees); older ones stream into the table.
     * An event about one that went out takes it back with a query, so the window only has to cover the usual
     * distance between an annotation's events, not the log.
     */
    static final int ANNOTATION_WINDOW = 20_000;

    private final DataSource pool;
    private final EventLog events;
    private final List<Projection> projections;
    private final Clock clock;
    private final int annotationWindow;

    public ProjectionMaintenance(DataSource pool, EventLog events, List<Projection> projections, Clock clock) {
        this(pool, events, projections, clock, ANNOTATION_WINDOW);
    }

    private ProjectionMaintenance(DataSource pool, EventLog events, List<Projection> projections, Clock clock, int annotationWindow) {
        this.pool = pool;
        this.events = events;
        this.projections = List.copyOf(projections);
        this.clock = clock;
        this.annotationWindow = annotationWindow;
    }

    /** The projected tables and their keys, compared row by row by {@link #check}. */
    public List<ProjectedTable> tables() {
        return projections.stream().flatMap(p -> p.tables().stream()).toList();
    }

    List<Projection> projections() {
        return projections;
    }

    /** The same maintenance with a bulk rebuild that holds at most {@code rows} annotation rows (tests). */
    ProjectionMaintenance withAnnotationWindow(int rows) {
        return new ProjectionMaintenance(pool, events, projections, clock, rows);
    }

    public record RebuildResult(long events, long position, long millis) {
    }

    /** A table whose projected rows differ from a rebuild. */
    public record Drift(String table, long rowsNow, long rowsRebuilt, List<String> differingKeys) {
    }

    /** How a full rebuild gets the rows into the tables. */
    public enum Mode { BULK, REPLAY }

    /**
     * Whether the rows were written by older projection rules ({@link ProjectionRules}) and must be rebuilt; refuses a
     * database that follows another log, as a start would.
     */
    public boolean rulesChanged() {
        try (Connection c = pool.getConnection()) {
            LogBinding.verify(c, Projector.NAME, events.logId(), events.lastPosition());
            return LogBinding.rulesChanged(c, Projector.NAME);
        } catch (SQLException e) {
            throw new ProjectionException("cannot read the projection checkpoint: " + e.getMessage(), e);
        }
    }

    /** The log's last position: the number of events a full rebuild reads (for a progress total). */
    public long logPosition() {
        return events.lastPosition();
    }

    /** Bulk rebuild: the log is read once, folded into final rows in memory, and loaded with COPY. */
    public RebuildResult rebuild(LongConsumer progress) {
        return rebuild(Mode.BULK, progress);
    }

    /** The previous rebuild, applying every event through the projections in batches of {@value #BATCH}. */
    public RebuildResult rebuildReplaying(LongConsumer progress) {
        return rebuild(Mode.REPLAY, progress);
    }

    private RebuildResult rebuild(Mode mode, LongConsumer progress) {
        long start = System.nanoTime();
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                long[] r = rebuildIn(c, mode, true, events.lastPosition(), progress);
                c.commit();
                projections.forEach(p -> p.afterCommit(List.of()));
                return new RebuildResult(r[0], r[1], (System.nanoTime() - start) / 1_000_000);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                projections.forEach(Projection::afterRollback);
                throw e;
            }
        } catch (SQLException e) {
            throw new ProjectionException("rebuilding the projections failed: " + e.getMessage(), e);
        }
    }

    /** Rebuilds one document's rows (document and its annotations) from its events, up to the checkpoint. */
    public RebuildResult rebuildDocument(String documentId) {
        long start = System.nanoTime();
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                long upTo = LogBinding.verify(c, Projector.NAME, events.logId(), events.lastPosition());
                for (int i = projections.size() - 1; i >= 0; i--) {
                    projections.get(i).deleteStream(c, documentId);
                }
                List<StoredEvent> mine = new ArrayList<>();
                try (Stream<StoredEvent> all = events.readAll(1)) {
                    all.takeWhile(e -> e.position() <= upTo).filter(e -> e.streamId().equals(documentId)).forEach(mine::add);
                }
                if (mine.isEmpty()) {
                    throw new ProjectionException("document " + documentId + " has no events in the log; nothing to rebuild");
                }
                BatchApplier.apply(c, projections, mine, 0, SkippedEvents.load(events));
                c.commit();
                projections.forEach(p -> p.afterCommit(mine));
                return new RebuildResult(mine.size(), upTo, (System.nanoTime() - start) / 1_000_000);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                projections.forEach(Projection::afterRollback);
                throw e;
            }
        } catch (SQLException e) {
            throw new ProjectionException("rebuilding " + documentId + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * {@code exclusive}: the caller owns the database (rebuild with the server stopped), so the bulk path may
     * take table locks (TRUNCATE, index rebuilds) that a check beside a running server must not.
     */
    private long[] rebuildIn(Connection c, Mode mode, boolean exclusive, long last, LongConsumer progress) throws SQLException {
        SkippedEvents skips = SkippedEvents.load(events);
        BulkRebuild bulk = mode == Mode.BULK ? new BulkRebuild(events, projections, exclusive, annotationWindow, skips) : null;
        if (bulk != null) {
            bulk.prepare(c);
        }
        for (Projection p : projections) {
            p.truncate(c);
        }
        Checkpoints.reset(c, Projector.NAME);
        long count = bulk != null ? bulk.run(c, last, progress).events() : replay(c, last, progress, skips);
        Checkpoints.advance(c, Projector.NAME, 0, last, clock.instant());
        LogBinding.record(c, Projector.NAME, events.logId());
        return new long[] {count, last};
    }

    private long replay(Connection c, long last, LongConsumer progress, SkippedEvents skips) throws SQLException {
        long count = 0;
        List<StoredEvent> batch = new ArrayList<>(BATCH);
        try (Stream<StoredEvent> all = events.readAll(1)) {
            for (StoredEvent e : (Iterable<StoredEvent>) all.takeWhile(e -> e.position() <= last)::iterator) {
                batch.add(e);
                if (batch.size() == BATCH) {
                    count += flush(c, batch, progress, count, skips);
                }
            }
        }
        count += flush(c, batch, progress, count, skips);
        return count;
    }

    private long flush(Connection c, List<StoredEvent> batch, LongConsumer progress, long before, SkippedEvents skips)
            throws SQLException {
        int n = batch.size();
        if (n > 0) {
            BatchApplier.apply(c, projections, batch, 0, skips);
            batch.clear();
            progress.accept(before + n);
        }
        return n;
    }

    /** Where the projections stand: the checkpoint, and the first event after it they cannot apply (if any). */
    public record Standing(long applied, long logPosition, Optional<BlockedEvent> blocked, long probed) {
    }

    /**
     * Applies up to {@code limit} events after the checkpoint inside a transaction that is rolled back (nothing
     * changes), and names the first one that cannot be applied: what a server would be stopped at. Batches go in
     * under a savepoint; a failed batch is retried event by event to find the culprit.
     */
    public Standing probe(int limit) {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                long applied = LogBinding.verify(c, Projector.NAME, events.logId(), events.lastPosition());
                SkippedEvents skips = SkippedEvents.load(events);
                List<StoredEvent> batch = new ArrayList<>(BATCH);
                long probed = 0;
                try (Stream<StoredEvent> after = events.readAll(applied + 1)) {
                    for (StoredEvent e : (Iterable<StoredEvent>) after.limit(limit)::iterator) {
                        batch.add(e);
                        probed++;
                        if (batch.size() == BATCH) {
                            Optional<BlockedEvent> b = tryBatch(c, batch, skips);
                            if (b.isPresent()) {
                                return new Standing(applied, events.lastPosition(), b, probed);
                            }
                        }
                    }
                }
                return new Standing(applied, events.lastPosition(), tryBatch(c, batch, skips), probed);
            } finally {
                c.rollback();
                projections.forEach(Projection::afterRollback);
            }
        } catch (SQLException e) {
            throw new ProjectionException("probing the projections failed: " + e.getMessage(), e);
        }
    }

    private Optional<BlockedEvent> tryBatch(Connection c, List<StoredEvent> batch, SkippedEvents skips) throws SQLException {
        try {
            if (attempt(c, batch, skips) == null) {
                return Optional.empty();
            }
            for (StoredEvent e : batch) {
                Exception failure = attempt(c, List.of(e), skips);
                if (failure != null) {
                    return Optional.of(BlockedEvent.of(e, failure, clock.instant(), 1));
                }
            }
            return Optional.empty();
        } finally {
            batch.clear();
        }
    }

    /** Applies under a savepoint; the failure, with its effects rolled back, or null. */
    private Exception attempt(Connection c, List<StoredEvent> events, SkippedEvents skips) throws SQLException {
        java.sql.Savepoint sp = c.setSavepoint();
        try {
            BatchApplier.apply(c, projections, events, 0, skips);
            c.releaseSavepoint(sp);
            return null;
        } catch (SQLException | RuntimeException e) {
            c.rollback(sp);
            projections.forEach(Projection::afterRollback);
            return e;
        }
    }

    /** Bulk-rebuilds inside a transaction that is rolled back; returns the tables that differ (empty = no drift). */
    public List<Drift> check() {
        return check(Mode.BULK);
    }

    /** As {@link #check()}, rebuilding by {@code mode}. */
    public List<Drift> check(Mode mode) {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                long upTo = LogBinding.verify(c, Projector.NAME, events.logId(), events.lastPosition());
                for (ProjectedTable t : tables()) {
                    snapshot(c, t.name(), t.key(), "before_");
                }
                rebuildIn(c, mode, false, upTo, n -> { });
                List<Drift> drift = new ArrayList<>();
                for (ProjectedTable t : tables()) {
                    snapshot(c, t.name(), t.key(), "after_");
                    compare(c, t.name()).ifPresent(drift::add);
                }
                return drift;
            } finally {
                c.rollback();
                projections.forEach(Projection::afterRollback);
            }
        } catch (SQLException e) {
            throw new ProjectionException("checking the projections failed: " + e.getMessage(), e);
        }
    }

    private static void snapshot(Connection c, String table, String key, String prefix) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TEMP TABLE " + prefix + table + " ON COMMIT DROP AS SELECT " + key + "::text AS k, "
                    + "row_to_json(t)::text AS j FROM " + table + " t");
        }
    }

    private static java.util.Optional<Drift> compare(Connection c, String table) throws SQLException {
        List<String> keys = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT k FROM ((SELECT * FROM before_" + table + " EXCEPT SELECT * FROM after_"
                + table + ") UNION (SELECT * FROM after_" + table + " EXCEPT SELECT * FROM before_" + table + ")) d ORDER BY k LIMIT 20");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                keys.add(rs.getString(1));
            }
        }
        if (keys.isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Drift(table, count(c, "before_" + table), count(c, "after_" + table), List.copyOf(keys)));
    }

    private static long count(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

package org.semiont.server.projection;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.semiont.events.EventLog;
import org.semiont.events.StoredEvent;

/**
 * Puts the projections back from a snapshot taken at log position {@code P} instead of folding the whole log: the
 * rows are loaded into the emptied tables (secondary indexes dropped and built once after the load) and the checkpoint
 * set to {@code P} for this log, in one transaction; then the events after {@code P} are applied the way the projector
 * catches up, a batch per transaction with the checkpoint advanced by compare-and-set in it. Run with the database to
 * itself (a restore): the load takes table locks.
 */
public final class SnapshotLoad {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SnapshotLoad.class);
    private final DataSource pool;
    private final EventLog events;
    private final List<Projection> projections;
    private final Clock clock;

    public SnapshotLoad(DataSource pool, EventLog events, List<Projection> projections, Clock clock) {
        this.pool = pool;
        this.events = events;
        this.projections = List.copyOf(projections);
        this.clock = clock;
    }

    /** Writes the snapshot's rows into the emptied tables, in the load's transaction. */
    public interface Rows {
        void load(Connection c) throws SQLException, IOException;
    }

    /** @param replayed events applied after the snapshot's position, up to the log's end */
    public record Result(long position, long replayed, long lastPosition, long loadMillis, long replayMillis) {
    }

    /** Loads the rows at {@code position}, then applies the log's events after it; {@code progress} gets positions. */
    public Result load(long position, Rows rows, LongConsumer progress) {
        long end = events.lastPosition();
        if (position > end) {
            throw new ProjectionException("the snapshot is at position " + position + ", past the log's end " + end);
        }
        long start = System.nanoTime();
        loadRows(position, rows);
        progress.accept(position);
        long loaded = System.nanoTime();
        long replayed = replay(position, end, progress);
        return new Result(position, replayed, end, (loaded - start) / 1_000_000, (System.nanoTime() - loaded) / 1_000_000);
    }

    private void loadRows(long position, Rows rows) {
        List<String> tables = projections.stream().flatMap(p -> p.tables().stream()).map(ProjectedTable::name).toList();
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (Statement s = c.createStatement()) {
                    s.execute("SET LOCAL statement_timeout = 0");
                    s.execute("SET LOCAL maintenance_work_mem = '256MB'");
                    s.execute("TRUNCATE " + String.join(", ", tables));
                }
                SecondaryIndexes indexes = SecondaryIndexes.drop(c, tables);
                long started = System.nanoTime();
                rows.load(c);
                long loaded = System.nanoTime();
                indexes.recreate(c);
                log.info("snapshot load phases: rows {} ms, indexes {} ms", (loaded - started) / 1_000_000,
                        (System.nanoTime() - loaded) / 1_000_000);
                Checkpoints.reset(c, Projector.NAME);
                Checkpoints.advance(c, Projector.NAME, 0, position, clock.instant());
                LogBinding.record(c, Projector.NAME, events.logId());
                c.commit();
            } catch (SQLException | IOException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException | IOException e) {
            throw new ProjectionException("loading the projection snapshot failed: " + e.getMessage(), e);
        }
    }

    private long replay(long from, long end, LongConsumer progress) {
        SkippedEvents skips = SkippedEvents.load(events);
        long applied = from;
        long count = 0;
        List<StoredEvent> batch = new ArrayList<>(ProjectionMaintenance.BATCH);
        try (Connection c = pool.getConnection(); Stream<StoredEvent> after = events.readAll(from + 1)) {
            c.setAutoCommit(false);
            for (StoredEvent e : (Iterable<StoredEvent>) after.takeWhile(e -> e.position() <= end)::iterator) {
                batch.add(e);
                if (batch.size() == ProjectionMaintenance.BATCH) {
                    applied = commit(c, batch, applied, skips);
                    count += batch.size();
                    batch.clear();
                    progress.accept(applied);
                }
            }
            if (!batch.isEmpty()) {
                applied = commit(c, batch, applied, skips);
                count += batch.size();
                progress.accept(applied);
            }
            return count;
        } catch (SQLException e) {
            throw new ProjectionException("applying the events after the snapshot failed at position " + (applied + 1) + ": "
                    + e.getMessage(), e);
        }
    }

    private long commit(Connection c, List<StoredEvent> batch, long from, SkippedEvents skips) throws SQLException {
        long to = batch.get(batch.size() - 1).position();
        try {
            BatchApplier.apply(c, projections, batch, from, skips);
            Checkpoints.advance(c, Projector.NAME, from, to, clock.instant());
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            projections.forEach(Projection::afterRollback);
            throw e;
        }
        projections.forEach(p -> p.afterCommit(batch));
        return to;
    }
}

package org.semiont.server.projection;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.LongConsumer;
import org.semiont.events.EventLog;
import org.semiont.events.StoredEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bulk path of a full rebuild, run in the caller's transaction on emptied tables: one pass over the global log
 * ({@link ParsedLog}), each event handed to the {@link BulkFolder} of every projection that handles it (each folds by
 * the same rule as its live path; a folder may stream rows out during the pass), then each folder loads its rows. In
 * a real (exclusive) rebuild, last, each projection gets the final event of each of its rows ({@link Projection#rebuilt}):
 * replayed, that event is idempotent on the final row, and it makes the projection do its after-commit work (files,
 * caches) exactly as after a replay. A check rolls back, so it skips that.
 */
final class BulkRebuild {
    static final int PROGRESS_EVERY = 10_000;
    private static final Logger log = LoggerFactory.getLogger(BulkRebuild.class);
    private final EventLog events;
    private final List<Projection> projections;
    private final boolean exclusive;
    private final int window;
    private final SkippedEvents skips;

    BulkRebuild(EventLog events, List<Projection> projections, boolean exclusive, int window, SkippedEvents skips) {
        this.skips = skips;
        this.events = events;
        this.projections = projections;
        this.exclusive = exclusive;
        this.window = window;
    }

    /**
     * No statement timeout: one COPY carries a whole table, which on a large log outlasts the pool's limit.
     * With the database to itself, also memory for index builds, and TRUNCATE, which leaves no dead rows
     * for the load to step over.
     */
    void prepare(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET LOCAL statement_timeout = 0");
            if (exclusive) {
                s.execute("SET LOCAL maintenance_work_mem = '256MB'");
                s.execute("TRUNCATE " + String.join(", ", tables()));
            }
        }
    }

    private List<String> tables() {
        return projections.stream().flatMap(p -> p.tables().stream()).map(ProjectedTable::name).toList();
    }

    /** Events read, and rows that the log touched after they had gone to the table. */
    record Result(long events, long rowsTakenBack) {
    }

    /**
     * Rows may stream into their tables during the fold (PostgreSQL loads while the log is read), so in a real
     * rebuild the secondary indexes are dropped before it starts.
     */
    Result run(Connection c, long last, LongConsumer progress) throws SQLException {
        long start = System.nanoTime();
        SecondaryIndexes indexes = exclusive ? SecondaryIndexes.drop(c, tables()) : null;
        List<BulkFolder> folders = new ArrayList<>();
        long count;
        long takenBack = 0;
        try {
            for (Projection p : projections) {
                folders.add(p.bulk(new BulkContext(c, exclusive, window, last, folders)));
            }
            count = fold(folders, last, progress);
            for (BulkFolder f : folders) {
                f.folded();
            }
        } finally {
            folders.forEach(BulkFolder::close);
        }
        long folded = System.nanoTime();
        for (BulkFolder f : folders) {
            f.load(c);
            takenBack += f.takenBack();
        }
        long loaded = System.nanoTime();
        if (exclusive) {
            indexes.recreate(c);
            long indexed = System.nanoTime();
            replayTails(c, folders);
            log.info("bulk rebuild phases: fold and streamed rows {} ms ({} rows taken back), other tables {} ms, "
                    + "indexes {} ms, tails {} ms", (folded - start) / 1_000_000, takenBack,
                    (loaded - folded) / 1_000_000, (indexed - loaded) / 1_000_000, (System.nanoTime() - indexed) / 1_000_000);
        }
        progress.accept(count);
        return new Result(count, takenBack);
    }

    private long fold(List<BulkFolder> folders, long last, LongConsumer progress) throws SQLException {
        long count = 0;
        try (ParsedLog log = new ParsedLog(events, last, skips)) {
            for (List<ParsedLog.Parsed> chunk = log.next(); chunk != null; chunk = log.next()) {
                for (ParsedLog.Parsed p : chunk) {
                    String type = p.stored().type();
                    for (int i = 0; i < folders.size(); i++) {
                        if (projections.get(i).handles(type)) {
                            folders.get(i).apply(p.stored(), p.event(), p.at());
                        }
                    }
                }
                long before = count;
                count += chunk.size();
                if (count / PROGRESS_EVERY != before / PROGRESS_EVERY) {
                    progress.accept(count);
                }
            }
        }
        return count;
    }

    /** Each projection gets the last events of its own rows, in log order. */
    private void replayTails(Connection c, List<BulkFolder> folders) throws SQLException {
        for (int i = 0; i < folders.size(); i++) {
            List<StoredEvent> ordered = new ArrayList<>(folders.get(i).tails());
            ordered.sort(Comparator.comparingLong(StoredEvent::position));
            projections.get(i).rebuilt(c, ordered);
        }
    }
}

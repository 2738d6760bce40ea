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
import org.semiont.server.Json;
import org.semiont.server.entitytype.EntityTypeProjection;
import org.semiont.server.user.UserEvents;
import org.semiont.server.document.DocumentEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bulk path of a full rebuild, run in the caller's transaction on emptied tables: one pass over the
 * global log ({@link ParsedLog}) into a {@link BulkFold}, then COPY. In a real (exclusive) rebuild, last,
 * the final event of each user and document and the last entity type go once more through the projections
 * that own those rows: that event is idempotent on the final row, and it makes the projections do their
 * after-commit work (document JSON files, the entity-types file, user cache invalidation) exactly as after a
 * replay. A check rolls back, so it skips that.
 */
final class BulkRebuild {
    static final int PROGRESS_EVERY = 10_000;
    private static final Logger log = LoggerFactory.getLogger(BulkRebuild.class);
    private final EventLog events;
    private final List<Projection> projections;
    private final boolean exclusive;

    BulkRebuild(EventLog events, List<Projection> projections, boolean exclusive) {
        this.events = events;
        this.projections = projections;
        this.exclusive = exclusive;
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

    private static List<String> tables() {
        return ProjectionMaintenance.TABLES.stream().map(t -> t[0]).toList();
    }

    /** Returns the number of events read. */
    long run(Connection c, long last, LongConsumer progress) throws SQLException {
        long start = System.nanoTime();
        BulkFold fold = new BulkFold(Json.mapper());
        long count = 0;
        try (ParsedLog log = new ParsedLog(events, last)) {
            for (List<ParsedLog.Parsed> chunk = log.next(); chunk != null; chunk = log.next()) {
                for (ParsedLog.Parsed p : chunk) {
                    fold.apply(p.stored(), p.event());
                }
                long before = count;
                count += chunk.size();
                if (count / PROGRESS_EVERY != before / PROGRESS_EVERY) {
                    progress.accept(count);
                }
            }
        }
        long folded = System.nanoTime();
        if (exclusive) {
            SecondaryIndexes indexes = SecondaryIndexes.drop(c, tables());
            BulkLoader.loadAll(c, fold);
            long loaded = System.nanoTime();
            indexes.recreate(c);
            long indexed = System.nanoTime();
            replayTails(c, fold);
            log.info("bulk phases: fold {} ms, copy {} ms, indexes {} ms, tails {} ms", (folded - start) / 1_000_000,
                    (loaded - folded) / 1_000_000, (indexed - loaded) / 1_000_000, (System.nanoTime() - indexed) / 1_000_000);
        } else {
            BulkLoader.loadAll(c, fold);
        }
        progress.accept(count);
        return count;
    }

    private void replayTails(Connection c, BulkFold fold) throws SQLException {
        List<StoredEvent> users = new ArrayList<>();
        fold.users.values().forEach(u -> users.add(u.last));
        replay(c, UserEvents.CREATED, users);
        List<StoredEvent> documents = new ArrayList<>();
        fold.documents.values().forEach(d -> documents.add(d.last));
        replay(c, DocumentEvents.CREATED, documents);
        if (fold.lastEntityType != null) {
            replay(c, EntityTypeProjection.ADDED, List.of(fold.lastEntityType));
        }
    }

    /** Only the projections that create rows from {@code creatingType} see these events. */
    private void replay(Connection c, String creatingType, List<StoredEvent> tails) throws SQLException {
        List<Projection> owners = projections.stream().filter(p -> p.handles(creatingType)).toList();
        List<StoredEvent> ordered = new ArrayList<>(tails);
        ordered.sort(Comparator.comparingLong(StoredEvent::position));
        BatchApplier.apply(c, owners, ordered, 0);
    }
}

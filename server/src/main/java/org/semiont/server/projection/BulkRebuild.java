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
import org.semiont.server.util.Json;
import org.semiont.server.entitytype.EntityTypeProjection;
import org.semiont.server.user.UserEvents;
import org.semiont.server.document.DocumentEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bulk path of a full rebuild, run in the caller's transaction on emptied tables: one pass over the
 * global log ({@link ParsedLog}) into a {@link BulkFold} whose annotation rows stream out by binary COPY as the
 * fold lets go of them ({@link AnnotationSink}), then COPY of the other tables. In a real (exclusive) rebuild, last,
 * the final event of each user and document and the last entity type go to the projections that own those rows
 * ({@link Projection#rebuilt}): replayed, that event is idempotent on the final row, and it makes the projections
 * do their after-commit work (document JSON files, the entity-types file, user cache invalidation) exactly as
 * after a replay; documents only mark their files. A check rolls back, so it skips that.
 */
final class BulkRebuild {
    static final int PROGRESS_EVERY = 10_000;
    private static final Logger log = LoggerFactory.getLogger(BulkRebuild.class);
    private final EventLog events;
    private final List<Projection> projections;
    private final boolean exclusive;
    private final int annotationWindow;
    private final SkippedEvents skips;

    BulkRebuild(EventLog events, List<Projection> projections, boolean exclusive, int annotationWindow, SkippedEvents skips) {
        this.skips = skips;
        this.events = events;
        this.projections = projections;
        this.exclusive = exclusive;
        this.annotationWindow = annotationWindow;
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

    /** Events read, and annotation rows that the log touched after they had gone to the table. */
    record Result(long events, long annotationsTakenBack) {
    }

    /**
     * Annotation rows stream into their table during the fold (PostgreSQL loads while the log is read), so in a
     * real rebuild the secondary indexes are dropped before it starts.
     */
    Result run(Connection c, long last, LongConsumer progress) throws SQLException {
        long start = System.nanoTime();
        SecondaryIndexes indexes = exclusive ? SecondaryIndexes.drop(c, tables()) : null;
        BulkFold fold;
        long count;
        try (AnnotationSink sink = new AnnotationSink(c, exclusive)) {
            fold = new BulkFold(sink, Json.mapper(), annotationWindow, last);
            count = fold(fold, last, progress);
            fold.annotations.flush();
            sink.finish();
        }
        long folded = System.nanoTime();
        BulkLoader.loadAll(c, fold);
        long loaded = System.nanoTime();
        if (exclusive) {
            indexes.recreate(c);
            long indexed = System.nanoTime();
            replayTails(c, fold);
            log.info("bulk rebuild phases: fold and annotations {} ms ({} rows taken back), other tables {} ms, "
                    + "indexes {} ms, tails {} ms", (folded - start) / 1_000_000, fold.annotations.takenBack(),
                    (loaded - folded) / 1_000_000, (indexed - loaded) / 1_000_000, (System.nanoTime() - indexed) / 1_000_000);
        }
        progress.accept(count);
        return new Result(count, fold.annotations.takenBack());
    }

    private long fold(BulkFold fold, long last, LongConsumer progress) throws SQLException {
        long count = 0;
        try (ParsedLog log = new ParsedLog(events, last, skips)) {
            for (List<ParsedLog.Parsed> chunk = log.next(); chunk != null; chunk = log.next()) {
                for (ParsedLog.Parsed p : chunk) {
                    fold.apply(p.stored(), p.event(), p.at());
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
        List<StoredEvent> ordered = new ArrayList<>(tails);
        ordered.sort(Comparator.comparingLong(StoredEvent::position));
        for (Projection p : projections) {
            if (p.handles(creatingType)) {
                p.rebuilt(c, ordered);
            }
        }
    }
}

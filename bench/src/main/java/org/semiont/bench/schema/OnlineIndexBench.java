package org.semiont.bench.schema;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.semiont.schema.EngineOptions;
import org.semiont.schema.JdbcSchemaDatabase;
import org.semiont.schema.PushOptions;
import org.semiont.schema.PushResult;
import org.semiont.schema.SchemaEngine;
import org.semiont.schema.migrate.MigrationDraft;
import org.semiont.schema.migrate.MigrationsFolder;
import org.semiont.schema.migrate.Migrator;
import org.semiont.server.store.ApplicationSchema;

/**
 * Adding an index to a 1,000,000-row {@code annotations} table while 16 writers insert into it: the longest write
 * pause (open loop: each writer's inserts are due every {@code 1/rate} s, and a write's latency counts from when it
 * was due, so a stall shows in full) and writes/s during the DDL, for the start-up sync's declared-only push (which
 * builds the index CONCURRENTLY) and for {@code migrate deploy} of the migration {@code migrate dev} writes for it
 * (the same concurrent build, run alone), against a plain {@code CREATE INDEX} in the same run. Median of {@code runs}.
 * Two floors in the same run show what the machine allows: the writers with no DDL for as long as the deploy took,
 * and with a query that reads and sorts the indexed column as the build does, holding no lock writers wait for.
 *
 * <p>Run: {@code java -cp "bench/target/semiont-bench.jar:bench/target/lib/*" org.semiont.bench.schema.OnlineIndexBench [rows=1000000] [runs=3]}
 * after {@code mvn -B -q package -DskipTests}.
 */
public final class OnlineIndexBench {
    private static final int WRITERS = 16;
    /** Per writer; 16 × 50/s = 800 inserts/s, well within what 2 cores sustain while an index builds. */
    private static final int RATE_PER_WRITER = 50;
    private static final String INDEX = "annotations_motivation_idx";
    /** Ids of written rows, unique across runs. */
    private static final AtomicLong IDS = new AtomicLong();

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setPgBinaryResolver((system, arch) -> OnlineIndexBench.class
                .getResourceAsStream(("/postgres-" + system + "-" + arch + ".txz").toLowerCase(Locale.ROOT))).start()) {
            JdbcSchemaDatabase db = JdbcSchemaDatabase.fromUrl("jdbc:postgresql://localhost:" + pg.getPort() + "/postgres?user=postgres");
            SchemaEngine engine = new SchemaEngine(db, EngineOptions.defaults());
            engine.push(ApplicationSchema.FILE_NAME, ApplicationSchema.text(), PushOptions.safe());
            load(db, rows);
            String withIndex = ApplicationSchema.text().replace("  @@index([creatorId])\n", "  @@index([creatorId])\n  @@index([motivation])\n");
            List<Result> plain = new ArrayList<>();
            List<Result> push = new ArrayList<>();
            List<Result> migrate = new ArrayList<>();
            List<Result> idle = new ArrayList<>();
            List<Result> sort = new ArrayList<>();
            Path dir = Files.createTempDirectory("semiont-bench-migrations");
            MigrationsFolder folder = new MigrationsFolder(dir);
            Migrator migrator = engine.migrator();
            migrator.baseline(folder, engine.target(ApplicationSchema.FILE_NAME, ApplicationSchema.text()), "0_init");
            MigrationDraft draft = migrator.draft(folder.read(), engine.target(ApplicationSchema.FILE_NAME, withIndex));
            if (!draft.up().contains("CONCURRENTLY")) {
                throw new IllegalStateException("expected a concurrent build: " + draft.up());
            }
            folder.write("20260101000000_motivation_index", draft.up(), draft.down());
            for (int run = 0; run < runs; run++) {
                plain.add(measure(db, () -> exec(db, "CREATE INDEX \"" + INDEX + "\" ON annotations (motivation)")));
                exec(db, "DROP INDEX \"" + INDEX + "\"");
                push.add(measure(db, () -> {
                    PushResult r = engine.push(ApplicationSchema.FILE_NAME, withIndex, PushOptions.declaredOnlySafe());
                    if (!r.statements().toString().contains("CONCURRENTLY")) {
                        throw new IllegalStateException("expected a concurrent build: " + r.statements());
                    }
                }));
                exec(db, "DROP INDEX \"" + INDEX + "\"");
                migrate.add(measure(db, () -> migrator.deploy(folder.read())));
                migrator.rollback(folder.read(), Optional.empty(), true, List.of("public"));
                long concurrentMillis = migrate.get(migrate.size() - 1).ddlMillis();
                idle.add(measure(db, () -> Thread.sleep(concurrentMillis)));
                sort.add(measure(db, () -> exec(db, "SELECT count(*) FROM (SELECT motivation FROM annotations"
                        + " ORDER BY motivation OFFSET 0) s")));
            }
            report("plain CREATE INDEX", plain);
            report("declared-only push (CONCURRENTLY)", push);
            report("migrate deploy (CONCURRENTLY)", migrate);
            // the floor: the same writers with no DDL at all, and with the read + sort an index build does but no lock
            report("floor: no DDL (as long as deploy)", idle);
            report("floor: sort of the column, no lock", sort);
        }
    }

    private static void load(JdbcSchemaDatabase db, int rows) throws Exception {
        long t0 = System.nanoTime();
        exec(db, "INSERT INTO annotations (id, \"documentId\", \"targetSource\", motivation, \"creatorId\", target, body, data,"
                + " \"linkedDocuments\", \"entityTags\", position, created, modified)"
                + " SELECT 'a' || g, 'doc-' || (g % 1000), 'doc-' || (g % 1000), (ARRAY['commenting','highlighting','linking','tagging'])[1 + g % 4],"
                + " 'u' || (g % 50), '{}'::jsonb, '[]'::jsonb, '{}'::json, '{}', '{}', g, now(), now() FROM generate_series(1, " + rows + ") g");
        exec(db, "VACUUM ANALYZE annotations");
        System.out.printf(Locale.ROOT, "loaded %,d annotations in %.1f s%n", rows, (System.nanoTime() - t0) / 1e9);
    }

    interface Ddl {
        void run() throws Exception;
    }

    record Result(long ddlMillis, double maxPauseMillis, double writesPerSecond) {
    }

    /** Writers run for 1 s before the DDL, during it, and 0.5 s after; the longest pause counts writes due in the DDL. */
    private static Result measure(JdbcSchemaDatabase db, Ddl ddl) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong ddlStart = new AtomicLong(Long.MAX_VALUE);
        AtomicLong ddlEnd = new AtomicLong(Long.MAX_VALUE);
        AtomicLong maxPause = new AtomicLong();
        AtomicLong writesDuring = new AtomicLong();
        AtomicLong ids = IDS;
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            Thread t = new Thread(() -> write(db, writer, ids, stop, ddlStart, ddlEnd, maxPause, writesDuring));
            t.start();
            writers.add(t);
        }
        Thread.sleep(1000);
        long start = System.nanoTime();
        ddlStart.set(start);
        ddl.run();
        long end = System.nanoTime();
        ddlEnd.set(end);
        Thread.sleep(500);
        stop.set(true);
        for (Thread t : writers) {
            t.join();
        }
        double seconds = (end - start) / 1e9;
        return new Result((end - start) / 1_000_000, maxPause.get() / 1e6, writesDuring.get() / seconds);
    }

    private static void write(JdbcSchemaDatabase db, int writer, AtomicLong ids, AtomicBoolean stop, AtomicLong ddlStart,
                              AtomicLong ddlEnd, AtomicLong maxPause, AtomicLong writesDuring) {
        long interval = 1_000_000_000L / RATE_PER_WRITER;
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement("INSERT INTO annotations (id, \"documentId\","
                + " \"targetSource\", motivation, \"creatorId\", target, body, data, \"linkedDocuments\", \"entityTags\", position,"
                + " created, modified) VALUES (?, 'doc-1', 'doc-1', 'commenting', 'u1', '{}'::jsonb, '[]'::jsonb, '{}'::json,"
                + " '{}', '{}', ?, now(), now())")) {
            long due = System.nanoTime() + writer * (interval / WRITERS);
            while (!stop.get()) {
                long now = System.nanoTime();
                if (now < due) {
                    Thread.sleep((due - now) / 1_000_000, (int) ((due - now) % 1_000_000));
                }
                long id = ids.incrementAndGet();
                ps.setString(1, "w" + writer + "-" + id);
                ps.setLong(2, 10_000_000_000L + id);
                ps.executeUpdate();
                long done = System.nanoTime();
                boolean during = due >= ddlStart.get() - interval && due <= ddlEnd.get();
                if (during) {
                    maxPause.accumulateAndGet(done - due, Math::max);
                    writesDuring.incrementAndGet();
                }
                due += interval;
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void exec(JdbcSchemaDatabase db, String sql) throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static void report(String what, List<Result> results) {
        List<Double> pauses = results.stream().map(Result::maxPauseMillis).sorted().toList();
        List<Long> ddl = results.stream().map(Result::ddlMillis).sorted().toList();
        List<Double> writes = results.stream().map(Result::writesPerSecond).sorted().toList();
        System.out.printf(Locale.ROOT, "%-36s DDL %,6d ms   longest write pause %,8.1f ms   writes/s during DDL %,6.0f   (runs: %s)%n",
                what, ddl.get(ddl.size() / 2), pauses.get(pauses.size() / 2), writes.get(writes.size() / 2), results);
    }
}

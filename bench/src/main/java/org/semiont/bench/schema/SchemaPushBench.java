package org.semiont.bench.schema;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.semiont.schema.EngineOptions;
import org.semiont.schema.JdbcSchemaDatabase;
import org.semiont.schema.PushOptions;
import org.semiont.schema.PushResult;
import org.semiont.schema.SchemaEngine;

/**
 * {@code db push} on an empty database and a no-op push, for a 10- and a 100-model schema, against an
 * embedded PostgreSQL 15: in-process (median of N, after warm-up) against the baseline "open a
 * connection and run SELECT 1"; and whole-process with the CLI ({@code java -jar cli/target/semiont.jar
 * db push …}, if built) against the baseline {@code semiont --version}, with default JVM flags and with
 * the flags suggested for short CLI runs. The whole-process empty push includes CREATE DATABASE.
 *
 * <p>Run: {@code java -cp "bench/target/semiont-bench.jar:bench/target/lib/*" org.semiont.bench.schema.SchemaPushBench [runs] [cliRuns]}
 * after {@code mvn -B -q package -DskipTests}.
 */
public final class SchemaPushBench {
    private static int counter;

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int cliRuns = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setPgBinaryResolver((system, arch) -> SchemaPushBench.class
                .getResourceAsStream(("/postgres-" + system + "-" + arch + ".txz").toLowerCase(Locale.ROOT))).start()) {
            inProcess(pg, runs);
            Path jar = Path.of("cli/target/semiont.jar").toAbsolutePath();
            if (Files.exists(jar)) {
                wholeProcess(pg, jar, cliRuns);
            } else {
                System.out.println("whole-process: skipped (" + jar + " not built)");
            }
        }
    }

    private static void inProcess(EmbeddedPostgres pg, int runs) throws Exception {
        JdbcSchemaDatabase base = newDatabase(pg);
        List<Long> baseline = new ArrayList<>();
        for (int i = 0; i < runs + 5; i++) {
            long t0 = System.nanoTime();
            try (Connection c = base.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT 1")) {
                rs.next();
            }
            if (i >= 5) {
                baseline.add(System.nanoTime() - t0);
            }
        }
        double b = median(baseline) / 1e6;
        System.out.printf(Locale.ROOT, "in-process baseline (connect + SELECT 1): median %.2f ms%n", b);
        for (int models : List.of(10, 100)) {
            String psl = BenchSchemas.psl(models);
            List<Long> empty = new ArrayList<>();
            List<Long> noop = new ArrayList<>();
            for (int i = 0; i < runs + 3; i++) {
                SchemaEngine engine = new SchemaEngine(newDatabase(pg), EngineOptions.defaults());
                long t0 = System.nanoTime();
                PushResult first = engine.push("bench.prisma", psl, PushOptions.safe());
                long t1 = System.nanoTime();
                PushResult second = engine.push("bench.prisma", psl, PushOptions.safe());
                long t2 = System.nanoTime();
                if (!first.applied() || !second.statements().isEmpty()) {
                    throw new IllegalStateException("unexpected push result: " + first + " / " + second);
                }
                if (i >= 3) {
                    empty.add(t1 - t0);
                    noop.add(t2 - t1);
                }
            }
            report("in-process", models, "empty push", empty, b);
            report("in-process", models, "no-op push", noop, b);
        }
    }

    /** JVM flags for short-lived CLI runs: no C2 compiler threads competing for 2 cores, no parallel GC threads. */
    private static final List<String> CLI_FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private static void wholeProcess(EmbeddedPostgres pg, Path jar, int runs) throws Exception {
        wholeProcess(pg, runs, List.of(), "default JVM flags");
        wholeProcess(pg, runs, CLI_FLAGS, String.join(" ", CLI_FLAGS));
    }

    private static void wholeProcess(EmbeddedPostgres pg, int runs, List<String> jvmFlags, String label) throws Exception {
        List<Long> baseline = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            baseline.add(run(jvmFlags, List.of("--version")));
        }
        double b = median(baseline) / 1e6;
        System.out.printf(Locale.ROOT, "whole-process, %s: baseline (semiont --version) median %.0f ms%n", label, b);
        for (int models : List.of(10, 100)) {
            Path file = Files.createTempFile("bench-" + models, ".prisma");
            Files.writeString(file, BenchSchemas.psl(models));
            List<Long> empty = new ArrayList<>();
            List<Long> noop = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                String url = "postgresql://postgres:postgres@localhost:" + pg.getPort() + "/bench" + (++counter);
                List<String> push = List.of("db", "push", "--schema", file.toString(), "--url", url);
                empty.add(run(jvmFlags, push));
                noop.add(run(jvmFlags, push));
            }
            Files.delete(file);
            report("whole-process", models, "empty push", empty, b);
            report("whole-process", models, "no-op push", noop, b);
        }
    }

    private static long run(List<String> jvmFlags, List<String> args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(jvmFlags);
        cmd.addAll(List.of("-jar", Path.of("cli/target/semiont.jar").toAbsolutePath().toString()));
        cmd.addAll(args);
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("semiont " + args + " failed");
        }
        return System.nanoTime() - t0;
    }

    private static JdbcSchemaDatabase newDatabase(EmbeddedPostgres pg) throws Exception {
        String name = "bench" + (++counter);
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        }
        return JdbcSchemaDatabase.fromUrl("postgresql://postgres:postgres@localhost:" + pg.getPort() + "/" + name);
    }

    private static void report(String kind, int models, String what, List<Long> nanos, double baselineMs) {
        double ms = median(nanos) / 1e6;
        System.out.printf(Locale.ROOT, "%-13s %3d models %-10s median %8.2f ms (%.1fx baseline)  min %.2f  max %.2f  n=%d%n",
                kind, models, what, ms, ms / baselineMs, nanos.stream().mapToLong(Long::longValue).min().orElse(0) / 1e6,
                nanos.stream().mapToLong(Long::longValue).max().orElse(0) / 1e6, nanos.size());
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }
}

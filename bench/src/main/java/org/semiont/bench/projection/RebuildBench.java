package org.semiont.bench.projection;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.semiont.bench.PostgresCpu;
import org.semiont.events.EventLog;
import org.semiont.events.EventLogOptions;
import org.semiont.events.ExpectedVersion;
import org.semiont.events.NewEvent;
import org.semiont.events.commit.Syncer;
import org.semiont.server.ServerApp;
import org.semiont.server.config.Environment;
import org.semiont.server.config.ServerConfig;
import org.semiont.server.projection.ProjectionMaintenance;

/**
 * Full projection rebuild, events/s: the bulk path (fold + COPY) against the replay path it replaced and
 * the raw {@code readAll} rate, all in the same run on the same log. Usage:
 * {@code RebuildBench [workDir] [documents=4000] [rounds=2] [bulk-only]}; each document brings ~52 events (created,
 * tag, archive, 40 annotations, 8 body updates, 1 removal), plus 200 users with logins and 20 entity types.
 * The log is written without fsync before the server starts (the write side is not measured); the
 * server's own catch-up is the incremental projector's rate.
 */
public final class RebuildBench {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final int USERS = 200;

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args.length > 0 ? args[0] : "target/bench-rebuild").toAbsolutePath();
        int documents = args.length > 1 ? Integer.parseInt(args[1]) : 4000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        boolean bulkOnly = args.length > 3 && args[3].equals("bulk-only");
        clean(work);
        long written = writeLog(work, documents);
        System.out.printf(Locale.ROOT, "log: %,d events (%d documents)%n", written, documents);
        Environment env = new Environment(Map.of("JWT_SECRET", "bench-secret-0123456789-0123456789-abcdef"));
        ServerConfig config = ServerConfig.from(env, new ServerConfig.Overrides("127.0.0.1", 0, null, work, null));
        long start = System.nanoTime();
        try (ServerApp app = ServerApp.start(config, env)) {
            if (!app.api().projector().awaitApplied(written, Duration.ofMinutes(10))) {
                throw new IllegalStateException("the projector did not catch up");
            }
            report("incremental projector catch-up (startup)", written, System.nanoTime() - start, 0);
            measure(app, written, rounds, bulkOnly, new PostgresCpu(work.resolve("postgres")));
        }
        clean(work);
    }

    private static void measure(ServerApp app, long events, int rounds, boolean bulkOnly, PostgresCpu postgres) {
        ProjectionMaintenance m = app.api().maintenance();
        for (int r = 1; r <= rounds; r++) {
            System.out.println("round " + r);
            double raw = report("  baseline: raw readAll + parse", events, readAll(app.api().events()), 0);
            double replay = bulkOnly ? Double.NaN
                    : reportMillis("  baseline: replay rebuild (batched inserts)", m.rebuildReplaying(n -> { }).millis(), events, raw);
            Usage before = Usage.start(postgres);
            double bulk = reportMillis("  bulk rebuild (fold + COPY)", m.rebuild(n -> { }).millis(), events, raw);
            before.printSince(postgres);
            System.out.printf(Locale.ROOT, "  bulk / replay = %.2fx%n", bulk / replay);
        }
        long t = System.nanoTime();
        List<ProjectionMaintenance.Drift> drift = m.check();
        System.out.printf(Locale.ROOT, "check (bulk vs rows in place): %s in %d ms%n", drift.isEmpty() ? "no drift" : drift,
                (System.nanoTime() - t) / 1_000_000);
    }

    /** CPU seconds of this JVM and of PostgreSQL at the start of a phase; heap peaks are reset then. */
    private record Usage(double jvm, double postgres) {
        static Usage start(PostgresCpu postgres) {
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
            return new Usage(PostgresCpu.jvmSeconds(), postgres.seconds());
        }

        /** The heap peak is the sum of the pools' peaks: an upper bound, garbage included. */
        void printSince(PostgresCpu postgresNow) {
            long peak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                    .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            System.out.printf(Locale.ROOT, "    cpu: jvm %.2f s, postgres %.2f s; heap peak <= %,d MB%n", PostgresCpu.jvmSeconds() - jvm,
                    postgresNow.seconds() - postgres, peak >> 20);
        }
    }

    private static long readAll(EventLog log) {
        long t = System.nanoTime();
        try (Stream<org.semiont.events.StoredEvent> all = log.readAll(1)) {
            long parsed = all.mapToLong(e -> e.event().size()).sum();
            if (parsed == 0) {
                throw new IllegalStateException("empty log");
            }
        }
        return System.nanoTime() - t;
    }

    private static double reportMillis(String what, long millis, long events, double baseline) {
        return report(what, events, millis * 1_000_000L, baseline);
    }

    private static double report(String what, long events, long nanos, double baseline) {
        double perSecond = events / Math.max(1e-9, nanos / 1e9);
        String ratio = baseline > 0 ? String.format(Locale.ROOT, "  (%.3fx raw readAll)", perSecond / baseline) : "";
        System.out.printf(Locale.ROOT, "%-48s %,12.0f events/s  %,8d ms%s%n", what, perSecond, nanos / 1_000_000, ratio);
        return perSecond;
    }

    /** Writes the log straight through {@link EventLog}, shaped like the events the services append. */
    public static long writeLog(Path dataDir, int documents) {
        try (EventLog log = EventLog.open(dataDir, EventLogOptions.defaults().withSyncer(Syncer.NONE))) {
            List<String> users = new ArrayList<>();
            for (int u = 0; u < USERS; u++) {
                String id = String.format(Locale.ROOT, "cmuser%020d", u);
                users.add(id);
                ObjectNode p = F.objectNode().put("userId", id).put("email", "user" + u + "@example.org").put("name", "User " + u)
                        .put("domain", "example.org").put("provider", "local").put("isActive", true).put("isAdmin", false)
                        .put("isModerator", u % 10 == 0);
                log.append("__users__", ExpectedVersion.any(), NewEvent.of("user.created", null, "system", p),
                        NewEvent.of("user.logged-in", null, id, F.objectNode().put("userId", id)));
            }
            for (int t = 0; t < 20; t++) {
                log.append("__system__", ExpectedVersion.any(), NewEvent.of("entitytype.added", null, "system",
                        F.objectNode().put("entityType", "Type" + t)));
            }
            for (int d = 0; d < documents; d++) {
                writeDocument(log, d, users.get(d % USERS));
            }
            return log.lastPosition();
        }
    }

    private static void writeDocument(EventLog log, int d, String user) {
        String doc = String.format(Locale.ROOT, "doc-sha256:%064x", d);
        ObjectNode created = F.objectNode().put("name", "Document " + d + "\twith \"quotes\"").put("format", "text/plain")
                .put("contentChecksum", String.format(Locale.ROOT, "%064x", d)).put("creationMethod", "api");
        created.putArray("entityTypes").add("Type" + d % 20);
        List<NewEvent> batch = new ArrayList<>();
        batch.add(NewEvent.of("document.created", doc, user, created));
        batch.add(NewEvent.of("entitytag.added", doc, user, F.objectNode().put("entityType", "Type" + (d + 1) % 20)));
        for (int a = 0; a < 40; a++) {
            batch.add(NewEvent.of("annotation.added", doc, user, F.objectNode().set("annotation", annotation(doc, d, a))));
        }
        for (int a = 0; a < 8; a++) {
            ArrayNode ops = F.arrayNode();
            ops.addObject().put("op", "add").set("item", F.objectNode().put("type", "TextualBody").put("value", "Type" + a)
                    .put("purpose", "tagging"));
            batch.add(NewEvent.of("annotation.body.updated", doc, user, F.objectNode().put("annotationId", "a" + d + "x" + a)
                    .set("operations", ops)));
        }
        batch.add(NewEvent.of("annotation.removed", doc, user, F.objectNode().put("annotationId", "a" + d + "x39")));
        batch.add(NewEvent.of(d % 3 == 0 ? "document.archived" : "document.unarchived", doc, user, F.objectNode()));
        log.append(doc, ExpectedVersion.any(), batch);
    }

    private static ObjectNode annotation(String doc, int d, int a) {
        ObjectNode n = F.objectNode().put("@context", "http://www.w3.org/ns/anno.jsonld").put("type", "Annotation")
                .put("id", "http://localhost:4000/annotations/a" + d + "x" + a).put("motivation", "highlighting");
        ObjectNode target = n.putObject("target").put("source", doc);
        ArrayNode selectors = target.putArray("selector");
        selectors.addObject().put("type", "TextPositionSelector").put("start", a).put("end", a + 5);
        selectors.addObject().put("type", "TextQuoteSelector").put("exact", "Alice met Bob\nin Paris");
        n.putArray("body");
        return n;
    }

    private static void clean(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}

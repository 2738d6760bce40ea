package org.semiont.bench.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.semiont.bench.projection.RebuildBench;
import org.semiont.events.EventLog;
import org.semiont.events.EventLogOptions;
import org.semiont.ops.backup.BackupCreator;
import org.semiont.ops.backup.BackupOptions;
import org.semiont.ops.backup.BackupResult;
import org.semiont.ops.snapshot.ProjectionSnapshotter;
import org.semiont.ops.target.DirectoryTarget;
import org.semiont.server.ServerApp;
import org.semiont.server.api.StandardProjections;
import org.semiont.server.config.Environment;
import org.semiont.server.config.ServerConfig;
import org.semiont.server.db.ConnectionPools;

/**
 * The RTO of {@code semiont restore} with the backup's projection snapshot against the same restore rebuilding the
 * projections from the whole log, in the same run on the same backup.
 * <ol>
 *   <li>Generates {@link RebuildBench}'s log ({@code documents} × ~52 events: documents, annotations, body updates,
 *   removals, users, entity types), lets a server project it, and takes a full backup with its snapshot.</li>
 *   <li>A second target holds the same files with the snapshot left out of the manifest (an older backup).</li>
 *   <li>Each round runs {@code semiont restore --json} as its own process from each target (order alternating) into
 *   an empty data dir: the wall time (JVM start, embedded PostgreSQL's initdb and start, log, projections, the closing
 *   {@code events verify} and {@code projections check}) and the phases the command reports.</li>
 * </ol>
 * Usage: {@code RestoreBench [workDir] [documents=4000] [rounds=3] [semiont.jar=cli/target/semiont.jar]}.
 */
public final class RestoreBench {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args.length > 0 ? args[0] : "/tmp/semiont-restore-bench").toAbsolutePath();
        int documents = args.length > 1 ? Integer.parseInt(args[1]) : 4000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path jar = Path.of(args.length > 3 ? args[3] : "cli/target/semiont.jar").toAbsolutePath();
        delete(work);
        Path data = work.resolve("data");
        long events = RebuildBench.writeLog(data, documents);
        Path withSnapshot = work.resolve("target");
        BackupResult b = backUp(data, withSnapshot, events);
        System.out.printf(Locale.ROOT, "log: %,d events (%d documents); full backup %s: %.1f MB, snapshot at position %d (%.1f MB)%n",
                events, documents, b.manifest().id(), b.bytesWritten() / 1e6, b.manifest().projectionSnapshot().position(),
                b.manifest().projectionSnapshot().bytes() / 1e6);
        Path without = work.resolve("target-no-snapshot");
        copyWithoutSnapshot(withSnapshot, without, b.manifest().id());

        List<Run> snap = new ArrayList<>();
        List<Run> rebuild = new ArrayList<>();
        for (int r = 1; r <= rounds; r++) {
            boolean snapshotFirst = r % 2 == 1;
            for (int k = 0; k < 2; k++) {
                boolean useSnapshot = (k == 0) == snapshotFirst;
                Run run = restore(jar, useSnapshot ? withSnapshot : without, work.resolve("restored"));
                (useSnapshot ? snap : rebuild).add(run);
                System.out.printf(Locale.ROOT, "round %d %-8s: wall %6.1f s | log %5.1f s | projections %5.1f s (%s; files %.1f s) | "
                        + "verify + check %5.1f s%n", r, useSnapshot ? "snapshot" : "rebuild", run.wall, run.log, run.projections, run.how,
                        run.files, run.check);
            }
        }
        double wallS = median(snap.stream().map(Run::wall).toList());
        double wallR = median(rebuild.stream().map(Run::wall).toList());
        double projS = median(snap.stream().map(Run::projections).toList());
        double projR = median(rebuild.stream().map(Run::projections).toList());
        double rowsS = median(snap.stream().map(Run::rows).toList());
        double rowsR = median(rebuild.stream().map(Run::rows).toList());
        double readyS = median(snap.stream().map(Run::ready).toList());
        double readyR = median(rebuild.stream().map(Run::ready).toList());
        System.out.printf(Locale.ROOT, "median of %d, %,d events: projections %.1f s with the snapshot vs %.1f s rebuilt (%.1fx); "
                        + "their rows alone (without the files) %.1f s vs %.1f s (%.1fx); log + projections %.1f s vs %.1f s (%.2fx); "
                        + "whole restore command %.1f s vs %.1f s (%.2fx)%n", rounds, events, projS, projR, projR / projS, rowsS, rowsR,
                rowsR / rowsS, readyS, readyR, readyR / readyS, wallS, wallR, wallR / wallS);
        delete(work);
    }

    private record Run(double wall, double log, double projections, double check, String how, double files) {
        double ready() {
            return log + projections;
        }

        /** The projections without their JSON files (written alike on both paths). */
        double rows() {
            return projections - files;
        }
    }

    /** Lets a server project the log, then takes a full backup with the snapshot of its database. */
    private static BackupResult backUp(Path data, Path target, long events) {
        Environment env = new Environment(Map.of("JWT_SECRET", "bench-secret-0123456789-0123456789-abcdef"));
        ServerConfig config = ServerConfig.from(env, new ServerConfig.Overrides("127.0.0.1", 0, null, data, null));
        try (ServerApp app = ServerApp.start(config, env)) {
            if (!app.api().projector().awaitApplied(events, Duration.ofMinutes(30))) {
                throw new IllegalStateException("the projector did not catch up");
            }
            app.api().files().flush();
            ProjectionSnapshotter snapshots = new ProjectionSnapshotter(() -> ConnectionPools.dedicated(app.databaseTarget(), "bench"),
                    StandardProjections.rebuiltTables(), Clock.systemUTC());
            try (EventLog ro = EventLog.open(data, EventLogOptions.defaults().withReadOnly(true))) {
                BackupResult r = new BackupCreator(new DirectoryTarget(target), ro, data, Clock.systemUTC(), "bench", snapshots)
                        .create(BackupOptions.defaults().withFull(true));
                if (r.manifest().projectionSnapshot() == null) {
                    throw new IllegalStateException(r.snapshotNote());
                }
                return r;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The same backup with its manifest as a build without snapshots wrote it (files linked, not copied). */
    private static void copyWithoutSnapshot(Path from, Path to, String id) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path f : all.filter(Files::isRegularFile).toList()) {
                Path dest = to.resolve(from.relativize(f).toString());
                Files.createDirectories(dest.getParent());
                if (f.getFileName().toString().equals("manifest.json")) {
                    ObjectNode m = (ObjectNode) JSON.readTree(f.toFile());
                    m.remove("projectionSnapshot");
                    Files.write(dest, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(m));
                } else if (!f.toString().contains("/projections/")) {
                    Files.createLink(dest, f);
                }
            }
        }
    }

    private static Run restore(Path jar, Path target, Path into) throws IOException, InterruptedException {
        delete(into);
        String java = ProcessHandle.current().info().command().orElse("java");
        long start = System.nanoTime();
        Process p = new ProcessBuilder(java, "-jar", jar.toString(), "restore", "--from", target.toString(), "--data-dir",
                into.toString(), "--json").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = p.waitFor();
        double wall = (System.nanoTime() - start) / 1e9;
        if (exit != 0) {
            throw new IllegalStateException("restore exited " + exit + ": " + out);
        }
        JsonNode n = JSON.readTree(out.substring(out.indexOf('{')));
        if (!n.path("projectionsCheck").asText().equals("no drift")) {
            throw new IllegalStateException("the restored projections drift: " + out);
        }
        delete(into);
        return new Run(wall, n.path("restoreMillis").asLong() / 1e3, n.path("projectionsMillis").asLong() / 1e3,
                n.path("checkMillis").asLong() / 1e3, n.path("projections").asText(), n.path("projectionFilesMillis").asLong() / 1e3);
    }

    private static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        s.sort(null);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> w = Files.walk(dir)) {
            for (Path p : w.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}

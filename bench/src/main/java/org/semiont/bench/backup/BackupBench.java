package org.semiont.bench.backup;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.semiont.events.EventLog;
import org.semiont.events.EventLogOptions;
import org.semiont.events.ExpectedVersion;
import org.semiont.events.NewEvent;
import org.semiont.events.commit.Syncer;
import org.semiont.ops.backup.BackupCatalog;
import org.semiont.ops.backup.BackupCreator;
import org.semiont.ops.backup.BackupOptions;
import org.semiont.ops.backup.BackupResult;
import org.semiont.ops.restore.LogRestorer;
import org.semiont.ops.restore.RestorePlan;
import org.semiont.ops.restore.RestorePlanner;
import org.semiont.ops.restore.RestorePoint;
import org.semiont.ops.target.DirectoryTarget;

/**
 * Backup and restore of a large event log against the disk's own copy speed, measured in the same run.
 * <ol>
 *   <li>Generates a log of {@code events} events (1,000 streams, ~200-byte payloads) once.</li>
 *   <li>Each round: {@code cp -r} of the data dir's {@code events/} (the baseline: what the disk copies per second),
 *   a full backup to a directory target, an incremental after 1 % more events, and a restore of the full backup's
 *   log into an empty data dir (fsynced as {@code semiont restore} does): the log part of the RTO.</li>
 * </ol>
 * Prints per-round figures and the medians. Usage: {@code BackupBench [workDir] [events=1000000] [rounds=3]}.
 */
public final class BackupBench {
    private static final int STREAMS = 1000;
    private static final int BATCH = 100;

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args.length > 0 ? args[0] : "/tmp/semiont-backup-bench");
        int events = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        delete(work);
        Path data = work.resolve("data");
        long t0 = System.nanoTime();
        generate(data, events, 0);
        System.out.printf(Locale.ROOT, "generated %,d events (%.1f MB of events/) in %.1f s%n", events,
                size(data.resolve("events")) / 1e6, (System.nanoTime() - t0) / 1e9);

        List<Double> ratios = new ArrayList<>();
        List<Double> backupMbs = new ArrayList<>();
        List<Double> cpMbs = new ArrayList<>();
        List<Double> incrShare = new ArrayList<>();
        List<Double> restoreSeconds = new ArrayList<>();
        List<Double> restoreEps = new ArrayList<>();
        int added = 0;
        for (int round = 1; round <= rounds; round++) {
            long eventsBytes = size(data.resolve("events"));
            double cp = copySeconds(data.resolve("events"), work.resolve("cp"));
            Path target = work.resolve("target-" + round);
            double full;
            BackupResult f;
            try (EventLog ro = EventLog.open(data, EventLogOptions.defaults().withReadOnly(true))) {
                long s = System.nanoTime();
                f = new BackupCreator(new DirectoryTarget(target), ro, data, Clock.systemUTC(), "bench").create(BackupOptions.defaults().withFull(true));
                full = (System.nanoTime() - s) / 1e9;
            }
            int more = (events + added) / 100;
            generate(data, more, events + added);
            added += more;
            double incr;
            BackupResult i;
            try (EventLog ro = EventLog.open(data, EventLogOptions.defaults().withReadOnly(true))) {
                long s = System.nanoTime();
                i = new BackupCreator(new DirectoryTarget(target), ro, data, Clock.systemUTC(), "bench").create(BackupOptions.defaults());
                incr = (System.nanoTime() - s) / 1e9;
            }
            Path into = work.resolve("restored");
            delete(into);
            DirectoryTarget t = new DirectoryTarget(target);
            BackupCatalog catalog = BackupCatalog.read(t);
            RestorePlan plan = new RestorePlanner(catalog).plan(Optional.of(f.manifest().id()), new RestorePoint.Latest());
            long s = System.nanoTime();
            LogRestorer r = new LogRestorer(t, catalog);
            r.verify(plan);
            long restored;
            try (EventLog dest = EventLog.open(into, EventLogOptions.defaults())) {
                restored = r.restore(plan, dest, into, p -> { }).events();
            }
            double restore = (System.nanoTime() - s) / 1e9;

            double cpRate = eventsBytes / 1e6 / cp;
            double backupRate = f.bytesWritten() / 1e6 / full;
            ratios.add(cp / full);
            backupMbs.add(backupRate);
            cpMbs.add(cpRate);
            incrShare.add(incr / full);
            restoreSeconds.add(restore);
            restoreEps.add(restored / restore);
            System.out.printf(Locale.ROOT, "round %d: cp -r %.2f s (%.0f MB/s of %.0f MB) | full backup %.2f s (%.0f MB/s of %.0f MB written), "
                            + "%.0f%% of cp's speed | incremental (+%d events) %.2f s = %.1f%% of the full | restore (verify + log) %.2f s, %.0f events/s%n",
                    round, cp, cpRate, eventsBytes / 1e6, full, backupRate, f.bytesWritten() / 1e6, 100 * cp / full, more, incr,
                    100 * incr / full, restore, restored / restore);
            delete(target);
            delete(into);
        }
        System.out.printf(Locale.ROOT, "median of %d: cp -r %.0f MB/s, full backup %.0f MB/s, backup time vs cp time %.0f%%, "
                        + "incremental %.1f%% of a full, restore of the log (RTO before projections) %.1f s at %.0f events/s%n",
                rounds, median(cpMbs), median(backupMbs), 100 * median(ratios), 100 * median(incrShare), median(restoreSeconds),
                median(restoreEps));
        delete(work);
    }

    static void generate(Path data, int n, int offset) {
        try (EventLog log = EventLog.open(data, EventLogOptions.defaults().withSyncer(Syncer.NONE))) {
            String pad = "x".repeat(120);
            for (int done = 0; done < n; done += BATCH) {
                int k = Math.min(BATCH, n - done);
                String stream = "doc-sha256:" + String.format("%064x", ((offset + done) / BATCH) % STREAMS);
                List<NewEvent> batch = new ArrayList<>(k);
                for (int j = 0; j < k; j++) {
                    batch.add(NewEvent.of("annotation.added", stream, "user-1", JsonNodeFactory.instance.objectNode()
                            .put("n", offset + done + j).put("text", pad)));
                }
                log.append(stream, ExpectedVersion.any(), batch);
            }
        }
    }

    private static double copySeconds(Path from, Path to) throws IOException, InterruptedException {
        delete(to);
        long s = System.nanoTime();
        Process p = new ProcessBuilder("cp", "-r", from.toString(), to.toString()).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IOException("cp -r failed");
        }
        Process sync = new ProcessBuilder("sync", "-f", to.toString()).inheritIO().start();
        sync.waitFor();
        double secs = (System.nanoTime() - s) / 1e9;
        delete(to);
        return secs;
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> w = Files.walk(dir)) {
            return w.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> w = Files.walk(dir)) {
            for (Path p : w.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        s.sort(null);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }
}

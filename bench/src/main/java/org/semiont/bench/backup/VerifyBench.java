package org.semiont.bench.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.semiont.events.EventLog;
import org.semiont.events.EventLogOptions;
import org.semiont.events.VerifyReport;
import org.semiont.events.chain.Sha256;
import org.semiont.events.jsonl.EventLine;
import org.semiont.events.jsonl.LineCodec;
import org.semiont.events.jsonl.LineReader;
import org.semiont.events.jsonl.StreamLayout;
import org.semiont.ops.backup.BackupCatalog;
import org.semiont.ops.backup.BackupCreator;
import org.semiont.ops.backup.BackupOptions;
import org.semiont.ops.backup.BackupVerifier;
import org.semiont.ops.backup.VerifyOutcome;
import org.semiont.ops.target.DirectoryTarget;

/**
 * {@code events verify} and {@code backup verify} in events/s against SHA-256 alone over the same bytes (every event's
 * bytes, one digest per event, held in memory: the physical limit of checking the checksums), on one thread and on
 * every core, measured in the same run; the files are in the page cache (the bench reads them once before timing).
 * Generates a log of {@code events} events (1,000 streams, ~200-byte payloads) and one full backup of it, kept in
 * {@code workDir} for the next run. Usage: {@code VerifyBench [workDir] [events=1000000] [rounds=5]}.
 */
public final class VerifyBench {
    public static void main(String[] args) throws Exception {
        Path work = Path.of(args.length > 0 ? args[0] : "/tmp/semiont-verify-bench");
        int events = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Path data = work.resolve("data");
        Path target = work.resolve("target");
        prepare(work, data, target, events);
        List<EventLine> lines = loadLines(data.resolve("events"));
        int threads = Runtime.getRuntime().availableProcessors();
        List<Double> sha1 = new ArrayList<>();
        List<Double> shaN = new ArrayList<>();
        List<Double> ev = new ArrayList<>();
        List<Double> bv = new ArrayList<>();
        List<Double> shaCpu = new ArrayList<>();
        List<Double> evCpu = new ArrayList<>();
        List<Double> bvCpu = new ArrayList<>();
        for (int round = 0; round <= rounds; round++) {
            double s1 = shaRate(lines, 1);
            long c = cpuNanos();
            double sn = shaRate(lines, threads);
            double sCpu = (cpuNanos() - c) / 1e3 / lines.size();
            VerifyReport e;
            double eCpu;
            try (EventLog log = EventLog.open(data, EventLogOptions.defaults().withReadOnly(true))) {
                c = cpuNanos();
                e = log.verify(null);
                eCpu = (cpuNanos() - c) / 1e3 / e.events();
            }
            double eRate = e.eventsPerSecond(); // as 'semiont events verify' reports it: the verification, not opening the log
            long t;
            DirectoryTarget dt = new DirectoryTarget(target);
            c = cpuNanos();
            t = System.nanoTime();
            BackupCatalog catalog = BackupCatalog.read(dt);
            VerifyOutcome b = new BackupVerifier(dt, catalog).verify(catalog.all());
            double bRate = b.events() / ((System.nanoTime() - t) / 1e9);
            double bCpu = (cpuNanos() - c) / 1e3 / b.events();
            if (!e.clean() || !b.clean()) {
                throw new IllegalStateException("the generated log or backup is not clean: " + e.defects() + " " + b.defects());
            }
            System.out.printf(Locale.ROOT, "%s %d: SHA-256 alone %,.0f events/s (1 thread), %,.0f (%d threads), %.2f CPU-us/event | "
                            + "events verify %,.0f events/s (%.0f%% of SHA-256 on %d threads), %.2f CPU-us/event | backup verify %,.0f "
                            + "events/s (%.0f%%), %.2f CPU-us/event%n",
                    round == 0 ? "warm-up" : "round", round, s1, sn, threads, sCpu, eRate, 100 * eRate / sn, threads, eCpu, bRate,
                    100 * bRate / sn, bCpu);
            if (round > 0) {
                sha1.add(s1);
                shaN.add(sn);
                ev.add(eRate);
                bv.add(bRate);
                shaCpu.add(sCpu);
                evCpu.add(eCpu);
                bvCpu.add(bCpu);
            }
        }
        System.out.printf(Locale.ROOT, "median CPU time per event (steadier than events/s on a shared machine): SHA-256 alone %.2f us, "
                        + "events verify %.2f us (%.1fx), backup verify %.2f us (%.1fx); %d cores make 1,000,000 events/s possible "
                        + "below %.2f us%n", BackupBench.median(shaCpu), BackupBench.median(evCpu),
                BackupBench.median(evCpu) / BackupBench.median(shaCpu), BackupBench.median(bvCpu),
                BackupBench.median(bvCpu) / BackupBench.median(shaCpu), threads, threads / 1.0);
        System.out.printf(Locale.ROOT, "median of %d (%,d events): SHA-256 alone %,.0f events/s on 1 thread, %,.0f on %d | "
                        + "events verify %,.0f events/s (%.2f of SHA-256 on %d threads) | backup verify %,.0f events/s (%.2f)%n",
                rounds, lines.size(), BackupBench.median(sha1), BackupBench.median(shaN), threads, BackupBench.median(ev),
                BackupBench.median(ev) / BackupBench.median(shaN), threads, BackupBench.median(bv),
                BackupBench.median(bv) / BackupBench.median(shaN));
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static void prepare(Path work, Path data, Path target, int events) throws IOException {
        Path marker = work.resolve("events.count");
        if (Files.exists(marker) && Files.readString(marker).equals(Integer.toString(events))) {
            return;
        }
        BackupBench.delete(work);
        long t = System.nanoTime();
        BackupBench.generate(data, events, 0);
        try (EventLog ro = EventLog.open(data, EventLogOptions.defaults().withReadOnly(true))) {
            new BackupCreator(new DirectoryTarget(target), ro, data, Clock.systemUTC(), "bench").create(BackupOptions.defaults().withFull(true));
        }
        Files.writeString(marker, Integer.toString(events));
        System.out.printf(Locale.ROOT, "generated %,d events and a full backup in %.1f s%n", events, (System.nanoTime() - t) / 1e9);
    }

    private static List<EventLine> loadLines(Path root) throws IOException {
        StreamLayout layout = new StreamLayout(root);
        LineCodec codec = new LineCodec();
        List<EventLine> out = new ArrayList<>();
        for (String id : layout.streamIds()) {
            for (Path f : layout.files(id)) {
                try (LineReader r = new LineReader(f)) {
                    for (byte[] b; (b = r.next()) != null; ) {
                        out.add(codec.parse(b));
                    }
                } catch (org.semiont.events.jsonl.LineFormatException e) {
                    throw new IOException(e);
                }
            }
        }
        return out;
    }

    /** Events/s of hashing every event's bytes with a reused digest, the list split over {@code threads}. */
    private static double shaRate(List<EventLine> lines, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long t = System.nanoTime();
            List<Future<Integer>> parts = new ArrayList<>();
            int per = (lines.size() + threads - 1) / threads;
            for (int k = 0; k < threads; k++) {
                List<EventLine> part = lines.subList(Math.min(lines.size(), k * per), Math.min(lines.size(), (k + 1) * per));
                parts.add(pool.submit(() -> {
                    MessageDigest md = Sha256.newDigest();
                    int sink = 0;
                    for (EventLine l : part) {
                        md.update(l.bytes(), l.eventStart(), l.eventLength());
                        sink += md.digest()[0];
                    }
                    return sink;
                }));
            }
            for (Future<Integer> f : parts) {
                f.get();
            }
            return lines.size() / ((System.nanoTime() - t) / 1e9);
        } finally {
            pool.shutdown();
        }
    }
}

package org.semiont.bench.events;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.semiont.events.EventLog;
import org.semiont.events.EventLogOptions;
import org.semiont.events.ExpectedVersion;
import org.semiont.events.NewEvent;
import org.semiont.events.StoredEvent;
import org.semiont.events.VerifyReport;
import org.semiont.events.chain.Sha256;

/**
 * Event-log throughput with real fsync, next to baselines measured in the same run.
 * Usage: {@code EventLogBench [workDir] [scale] [read|first-touch]}; scale 1 appends ~100k events with fsync;
 * {@code read} only measures replay and verify over 200k x scale events written without fsync;
 * {@code first-touch} the first append to a stream of 200k x scale events after the log is reopened.
 */
public final class EventLogBench {
    private final Path work;
    private final int scale;
    private final NewEvent template;

    private EventLogBench(Path work, int scale) {
        this.work = work;
        this.scale = scale;
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        payload.putObject("annotation").put("motivation", "highlighting").put("exact", "x".repeat(240))
                .put("source", "doc-sha256:" + "ab".repeat(32));
        this.template = NewEvent.of("annotation.added", "doc-sha256:" + "cd".repeat(32), "cmadmin0000000000000000001",
                payload);
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args.length > 0 ? args[0] : "target/bench-events").toAbsolutePath();
        int scale = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        EventLogBench bench = new EventLogBench(work, scale);
        String mode = args.length > 2 ? args[2] : "";
        if (mode.equals("read")) {
            bench.runReadOnly();
        } else if (mode.equals("first-touch")) {
            bench.runFirstTouch();
        } else {
            bench.run();
        }
    }

    private void run() throws Exception {
        clean(work);
        Files.createDirectories(work);
        report("baseline: write+fsync per 100 events", fsyncBaseline(100_000 * scale, 100), 0, "");
        scenario("append durable 1 stream x 1 writer", "1x1", 1, 1, 3_000 * scale);
        scenario("append durable 1 stream x 16 writers", "1x16", 1, 16, 30_000 * scale);
        scenario("append durable 100 streams x 16 writers", "100x16", 100, 16, 60_000 * scale);
        scenario("same, also fsync each stream file (option)", "100x16-sync", 100, 16, 20_000 * scale);
        readAndVerify(work.resolve("100x16"));
        clean(work);
    }

    /** Reads and verifies 200k x scale events written without fsync (the write side is not measured). */
    private void runReadOnly() throws Exception {
        clean(work);
        Path dir = work.resolve("read");
        int total = 200_000 * scale;
        try (EventLog log = EventLog.open(dir, EventLogOptions.defaults().withSyncer(
                org.semiont.events.commit.Syncer.NONE))) {
            List<NewEvent> batch = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                batch.add(template);
            }
            for (int i = 0; i < total / 100; i++) {
                log.append("doc-bench-" + (i % 100), ExpectedVersion.any(), batch);
            }
        }
        readAndVerify(dir);
        clean(work);
    }

    /**
     * The first append to a long stream after the log is reopened, against appends to the same stream once it is
     * in memory and against reading the whole stream (what taking a stream up cost when it read every line).
     */
    private void runFirstTouch() throws Exception {
        clean(work);
        Path dir = work.resolve("first-touch");
        int total = 200_000 * scale;
        String stream = "doc-bench-long";
        EventLogOptions noFsync = EventLogOptions.defaults().withSyncer(org.semiont.events.commit.Syncer.NONE);
        try (EventLog log = EventLog.open(dir, noFsync)) {
            List<NewEvent> batch = java.util.Collections.nCopies(1_000, template);
            for (int i = 0; i < total / 1_000; i++) {
                log.append(stream, ExpectedVersion.any(), batch);
            }
        }
        int rounds = 6;
        int warmAppends = 200;
        for (int round = 0; round < rounds; round++) {
            try (EventLog log = EventLog.open(dir, noFsync)) {
                long t = System.nanoTime();
                log.append(stream, ExpectedVersion.any(), template);
                double first = (System.nanoTime() - t) / 1e6;
                t = System.nanoTime();
                for (int i = 0; i < warmAppends; i++) {
                    log.append(stream, ExpectedVersion.any(), template);
                }
                double warm = (System.nanoTime() - t) / 1e6 / warmAppends;
                t = System.nanoTime();
                long n;
                try (Stream<StoredEvent> all = log.readStream(stream, 1)) {
                    n = all.count();
                }
                double wholeStream = (System.nanoTime() - t) / 1e6;
                if (round > 0) {
                    System.out.printf(Locale.ROOT, "round %d: first append %.2f ms, warm append %.3f ms (%.1fx), "
                            + "reading the whole stream (%,d events) %.0f ms (%.1fx the first append)%n", round, first,
                            warm, first / warm, n, wholeStream, wholeStream / first);
                }
            }
        }
        clean(work);
    }

    /** Measures the fsync-per-event baseline right before the scenario: the disk is shared and drifts. */
    private void scenario(String what, String name, int streams, int writers, int total) throws Exception {
        double baseline = fsyncBaseline(1_000, 1);
        report("  baseline: write+fsync per event (512 B)", baseline, 0, "");
        report(what, appends(name, streams, writers, total), baseline, "fsync-per-event");
    }

    private static void report(String what, double perSecond, double baseline, String unit) {
        String ratio = baseline > 0 ? String.format(Locale.ROOT, "  (%.2fx %s)", perSecond / baseline, unit) : "";
        System.out.printf(Locale.ROOT, "%-45s %,12.0f events/s%s%n", what, perSecond, ratio);
    }

    private double fsyncBaseline(int events, int perSync) throws IOException {
        Path f = work.resolve("baseline.bin");
        byte[] line = new byte[512];
        line[511] = '\n';
        long t = System.nanoTime();
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            for (int i = 1; i <= events; i++) {
                ch.write(ByteBuffer.wrap(line));
                if (i % perSync == 0) {
                    ch.force(false);
                }
            }
        }
        double rate = events / ((System.nanoTime() - t) / 1e9);
        Files.delete(f);
        return rate;
    }

    private static double shaBaseline(int events) {
        byte[] event = new byte[512];
        String prev = "0";
        java.security.MessageDigest md = Sha256.newDigest();
        long t = System.nanoTime();
        for (int i = 0; i < events; i++) {
            event[0] = (byte) i;
            event[1] = (byte) prev.charAt(0);
            prev = Sha256.hex(md, event, 0, event.length);
        }
        return events / ((System.nanoTime() - t) / 1e9);
    }

    private double appends(String name, int streams, int writers, int total) throws Exception {
        Path dir = work.resolve(name);
        EventLogOptions options = EventLogOptions.defaults().withSyncStreamFiles(name.endsWith("-sync"));
        try (EventLog log = EventLog.open(dir, options)) {
            warmUp(log);
            AtomicLong next = new AtomicLong();
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            long t = System.nanoTime();
            List<Future<?>> fs = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                fs.add(pool.submit(() -> {
                    long i;
                    while ((i = next.getAndIncrement()) < total) {
                        log.append("doc-bench-" + (i % streams), ExpectedVersion.any(), template);
                    }
                    return null;
                }));
            }
            for (Future<?> f : fs) {
                f.get();
            }
            double rate = total / ((System.nanoTime() - t) / 1e9);
            pool.shutdown();
            System.out.printf(Locale.ROOT, "  %s: %.1f events per fsync%n", name,
                    (double) (total + 2_000) / log.commitBatches());
            return rate;
        }
    }

    private void warmUp(EventLog log) {
        for (int i = 0; i < 2_000; i++) {
            log.append("warmup", ExpectedVersion.any(), template);
        }
    }

    /** Replay, stream reads and verify, each next to a SHA-256 chain baseline measured just before. */
    private static void readAndVerify(Path dir) {
        try (EventLog log = EventLog.open(dir, EventLogOptions.defaults().withReadOnly(true))) {
            for (int round = 0; round < 2; round++) {
                boolean print = round == 1;
                double sha = shaBaseline(500_000);
                long t = System.nanoTime();
                long n;
                try (Stream<StoredEvent> all = log.readAll(1)) {
                    n = all.count();
                }
                double replay = n / ((System.nanoTime() - t) / 1e9);
                double streamRead = readStreams(log);
                double sha2 = shaBaseline(500_000);
                VerifyReport v = log.verify(null);
                if (print) {
                    report("  baseline: SHA-256 chain (512 B, 1 thread)", sha, 0, "");
                    report("replay readAll (global log)", replay, sha, "SHA-256 chain");
                    report("read every stream + parse each type", streamRead, sha, "SHA-256 chain");
                    report("  baseline: SHA-256 chain (512 B, 1 thread)", sha2, 0, "");
                    report("verify (all streams, parallel)", v.eventsPerSecond(), sha2, "SHA-256 chain");
                    System.out.printf(Locale.ROOT, "%-45s %,12.1f MB/s  (%d events, %d defects)%n", "verify bytes",
                            v.megabytesPerSecond(), v.events(), v.defects().size());
                }
            }
        }
    }

    private static double readStreams(EventLog log) {
        long t = System.nanoTime();
        long m = 0;
        for (String id : log.streamIds()) {
            try (Stream<StoredEvent> s = log.readStream(id, 1)) {
                m += s.filter(e -> !e.type().isEmpty()).count();
            }
        }
        return m / ((System.nanoTime() - t) / 1e9);
    }

    private static void clean(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}

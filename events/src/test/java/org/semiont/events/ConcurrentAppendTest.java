package org.semiont.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConcurrentAppendTest {
    private static final int THREADS = 16;
    private static final int PER_THREAD = 1_000;

    @TempDir
    Path dir;

    @Test
    void sixteenWritersToOneStreamProduceAGaplessValidChain() throws Exception {
        try (EventLog log = Fixtures.open(dir)) {
            run(THREADS, t -> i -> "doc-one", log);
            assertThat(log.count("doc-one")).isEqualTo(THREADS * PER_THREAD);
            VerifyReport report = log.verify(null);
            assertThat(report.defects()).isEmpty();
            assertThat(report.events()).isEqualTo(THREADS * PER_THREAD);
            try (Stream<StoredEvent> all = log.readAll(1)) {
                assertThat(all.count()).isEqualTo(THREADS * PER_THREAD);
            }
        }
    }

    @Test
    void sixteenWritersOverAHundredStreamsProduceGaplessValidChains() throws Exception {
        try (EventLog log = Fixtures.open(dir)) {
            run(THREADS, t -> i -> "doc-" + ((t * 7 + i) % 100), log);
            VerifyReport report = log.verify(null);
            assertThat(report.defects()).isEmpty();
            assertThat(report.streams()).isEqualTo(100);
            assertThat(report.events()).isEqualTo(THREADS * PER_THREAD);
            long[] seen = new long[1];
            try (Stream<StoredEvent> all = log.readAll(1)) {
                all.forEach(e -> assertThat(e.position()).isEqualTo(++seen[0]));
            }
            assertThat(seen[0]).isEqualTo(THREADS * PER_THREAD);
        }
    }

    @Test
    void withStreamFileSyncOnTheChainsAreJustAsValid() throws Exception {
        try (EventLog log = EventLog.open(dir, Fixtures.options().withSyncStreamFiles(true).withEventsPerFile(50))) {
            for (int i = 0; i < 200; i++) {
                log.append("doc-" + (i % 7), ExpectedVersion.any(), Fixtures.event("x", null, "e" + i));
            }
            assertThat(log.verify(null).defects()).isEmpty();
            assertThat(log.verify(null).events()).isEqualTo(200);
        }
    }

    interface StreamChooser {
        String streamFor(int i);
    }

    interface ThreadChooser {
        StreamChooser forThread(int t);
    }

    private static void run(int threads, ThreadChooser chooser, EventLog log) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                StreamChooser c = chooser.forThread(t);
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < PER_THREAD; i++) {
                        log.append(c.streamFor(i), ExpectedVersion.any(), Fixtures.event("x", null, "e" + i));
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }
}

package org.semiont.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class DeferredWakeUpsTest {
    private static final int THREADS = 8;
    private static final int PER_THREAD = 200;

    @TempDir
    Path dir;

    @Test
    @Timeout(60)
    void parkedAppendersAreHandedOverWithTheirLastPositionInCommitOrder() throws Exception {
        ConcurrentLinkedQueue<AppenderWakeUps.Parked> handed = new ConcurrentLinkedQueue<>();
        try (EventLog log = Fixtures.open(dir)) {
            log.deferWakeUps(parked -> {
                handed.addAll(parked);
                parked.forEach(p -> LockSupport.unpark(p.thread()));
            });
            List<Long> lastPositions = appendConcurrently(log);
            assertThat(handed).isNotEmpty().allSatisfy(p -> assertThat(lastPositions).contains(p.lastPosition()));
            long previous = 0;
            for (AppenderWakeUps.Parked p : handed) {
                assertThat(p.lastPosition()).isGreaterThan(previous);
                previous = p.lastPosition();
            }
        }
    }

    @Test
    @Timeout(60)
    void anAppenderNobodyWakesStillReturnsOnceItsEventsAreDurable() throws Exception {
        try (EventLog log = Fixtures.open(dir)) {
            log.deferWakeUps(parked -> { });
            assertThat(appendConcurrently(log)).hasSize(THREADS * PER_THREAD);
            assertThat(log.verify(null).defects()).isEmpty();
            log.deferWakeUps(null);
            assertThat(log.append("doc-0", ExpectedVersion.any(), Fixtures.event("x", null, "after")).events()).hasSize(1);
        }
    }

    private static List<Long> appendConcurrently(EventLog log) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<List<Long>>> results = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            results.add(pool.submit(() -> {
                List<Long> positions = new ArrayList<>();
                for (int i = 0; i < PER_THREAD; i++) {
                    AppendResult r = log.append("doc-" + (thread % 3), ExpectedVersion.any(), Fixtures.event("x", null, "e" + i));
                    positions.add(r.events().get(0).position());
                }
                return positions;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> f : results) {
            all.addAll(f.get());
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.SECONDS);
        return all;
    }
}

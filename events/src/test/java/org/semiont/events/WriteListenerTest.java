package org.semiont.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.semiont.events.commit.Syncer;

/** {@link EventLog#onWrite} hands a batch over while its fsync is still running, and {@code onCommit} after it. */
class WriteListenerTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(30)
    void aBatchIsHandedOverBeforeItsFsyncAndCommittedAfter() throws Exception {
        CountDownLatch fsyncStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean armed = new AtomicBoolean();
        Syncer held = new Syncer() {
            @Override
            public void sync(FileChannel channel) throws IOException {
                if (armed.get()) {
                    fsyncStarted.countDown();
                    await(release);
                }
                channel.force(false);
            }

            @Override
            public void syncDirectory(Path d) throws IOException {
                Syncer.FORCE.syncDirectory(d);
            }
        };
        List<Long> written = new CopyOnWriteArrayList<>();
        List<Long> committed = new CopyOnWriteArrayList<>();
        try (EventLog log = EventLog.open(dir, EventLogOptions.defaults().withSyncer(held))) {
            // the first append also lays down the zeros the log writes into (and syncs them first)
            log.append("doc-0", ExpectedVersion.any(), Fixtures.event("x", null, "first"));
            long before = log.lastPosition();
            log.onWrite(b -> b.forEach(e -> written.add(e.position())));
            log.onCommit(b -> b.forEach(e -> committed.add(e.position())));
            armed.set(true);
            CompletableFuture<AppendResult> append = CompletableFuture.supplyAsync(() ->
                    log.append("doc-1", ExpectedVersion.any(), Fixtures.event("x", null, "held")));
            try {
                assertThat(fsyncStarted.await(10, TimeUnit.SECONDS)).isTrue();
                assertThat(written).containsExactly(before + 1);
                assertThat(committed).isEmpty();
                assertThat(log.lastPosition()).as("not durable yet").isEqualTo(before);
            } finally {
                release.countDown(); // closing the log waits for the held commit
            }
            assertThat(append.get(10, TimeUnit.SECONDS).events()).hasSize(1);
            assertThat(committed).containsExactly(before + 1);
            assertThat(log.lastPosition()).isEqualTo(before + 1);
        }
    }

    private static void await(CountDownLatch latch) throws IOException {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}

package org.semiont.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.semiont.events.commit.Syncer;

/** The disk refuses an fsync: the log stops acknowledging, and a reopened log is consistent. */
class FailStopTest {
    @TempDir
    Path dir;

    /** Syncs for real until told to fail, like a disk that fills up or goes read-only. */
    private static final class BreakableSyncer implements Syncer {
        final AtomicBoolean broken = new AtomicBoolean();

        @Override
        public void sync(FileChannel channel) throws IOException {
            if (broken.get()) {
                throw new IOException("simulated EIO from fsync");
            }
            Syncer.FORCE.sync(channel);
        }

        @Override
        public void syncDirectory(Path d) throws IOException {
            Syncer.FORCE.syncDirectory(d);
        }
    }

    @Test
    void afterAFailedFsyncNothingMoreIsAcknowledgedAndReopeningRecovers() {
        BreakableSyncer syncer = new BreakableSyncer();
        EventLog log = EventLog.open(dir, Fixtures.options().withSyncer(syncer));
        log.append("s", ExpectedVersion.any(), Fixtures.event("x", null, "ok"));
        syncer.broken.set(true);
        assertThatThrownBy(() -> log.append("s", ExpectedVersion.any(), Fixtures.event("x", null, "lost")))
                .isInstanceOfSatisfying(EventsException.class,
                        e -> assertThat(e.error()).isEqualTo(EventsError.LOG_FAILED))
                .hasMessageContaining("was not stored");
        syncer.broken.set(false);
        assertThatThrownBy(() -> log.append("t", ExpectedVersion.any(), Fixtures.event("x", null, "after")))
                .isInstanceOfSatisfying(EventsException.class,
                        e -> assertThat(e.error()).isEqualTo(EventsError.LOG_FAILED))
                .hasMessageContaining("reopened");
        log.close();
        try (EventLog reopened = Fixtures.open(dir)) {
            assertThat(reopened.verify(null).defects()).isEmpty();
            long count = reopened.count("s");
            assertThat(count).isBetween(1L, 2L);
            assertThat(reopened.append("s", ExpectedVersion.exactly(count), Fixtures.event("x", null, "again"))
                    .nextExpectedVersion()).isEqualTo(count + 1);
            assertThat(reopened.lastPosition()).isEqualTo(count + 1);
        }
    }
}

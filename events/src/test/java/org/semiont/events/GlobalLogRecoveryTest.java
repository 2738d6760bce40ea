package org.semiont.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GlobalLogRecoveryTest {
    @TempDir
    Path dir;

    private Path lastSegment() throws Exception {
        try (Stream<Path> s = Files.list(dir.resolve("events").resolve(EventLog.GLOBAL_DIR))) {
            return s.filter(p -> p.getFileName().toString().startsWith("wal-")).sorted().reduce((a, b) -> b)
                    .orElseThrow();
        }
    }

    @Test
    void aTornRecordAtTheEndOfTheGlobalLogIsCutAndPositionsContinueWithoutAGap() throws Exception {
        try (EventLog log = Fixtures.open(dir)) {
            for (int i = 0; i < 5; i++) {
                log.append("s", ExpectedVersion.any(), Fixtures.event("x", null, "t" + i));
            }
        }
        Files.write(lastSegment(), new byte[] {0, 0, 3, 0, 1, 2, 3, 4, 5}, StandardOpenOption.APPEND);
        try (EventLog log = Fixtures.open(dir)) {
            assertThat(log.lastPosition()).isEqualTo(5);
            assertThat(log.append("s", ExpectedVersion.exactly(5), Fixtures.event("x", null, "after"))
                    .events().get(0).position()).isEqualTo(6);
        }
        try (EventLog log = Fixtures.open(dir); Stream<StoredEvent> all = log.readAll(1)) {
            assertThat(all.map(StoredEvent::position)).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        }
    }

    @Test
    void aGlobalLogShorterThanItsCheckpointIsReportedAsDataLossNotPaddedOver() throws Exception {
        try (EventLog log = Fixtures.open(dir)) {
            log.append("s", ExpectedVersion.any(), Fixtures.event("x", null, "t"));
        }
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(lastSegment(),
                StandardOpenOption.WRITE)) {
            ch.truncate(10);
        }
        assertThatThrownBy(() -> Fixtures.open(dir)).isInstanceOfSatisfying(EventsException.class,
                e -> assertThat(e.error()).isEqualTo(EventsError.CORRUPT_LOG)).hasMessageContaining("lost data");
        assertThatThrownBy(() -> Fixtures.open(dir)).as("a failed open releases the directory lock")
                .hasMessageNotContaining("open for writing");
    }

    @Test
    void globalLogSegmentsRollAndReadAllCrossesThem() {
        EventLogOptions small = Fixtures.options().withWalSegmentBytes(4096).withCheckpointBytes(2048);
        try (EventLog log = EventLog.open(dir, small)) {
            for (int i = 0; i < 60; i++) {
                log.append("s" + (i % 4), ExpectedVersion.any(), Fixtures.event("x", null, "t" + i));
            }
        }
        try (EventLog log = EventLog.open(dir, small)) {
            try (Stream<StoredEvent> all = log.readAll(37)) {
                assertThat(all.map(StoredEvent::position).toList()).hasSize(24).startsWith(37L).endsWith(60L);
            }
            assertThat(log.lastPosition()).isEqualTo(60);
        }
        try (EventLog ro = EventLog.open(dir, small.withReadOnly(true))) {
            assertThat(ro.lastPosition()).isEqualTo(60);
        }
    }

    @Test
    void aReadOnlyLogRefusesAppendsWithTheWayOut() {
        try (EventLog log = EventLog.open(dir, Fixtures.options().withReadOnly(true))) {
            assertThatThrownBy(() -> log.append("s", ExpectedVersion.any(), Fixtures.event("x", null, "t")))
                    .isInstanceOf(EventsException.class).hasMessageContaining("read-only");
        }
    }

    @Test
    void appendsAfterCloseAreRefused() {
        EventLog log = Fixtures.open(dir);
        log.close();
        assertThatThrownBy(() -> log.append("s", ExpectedVersion.any(), Fixtures.event("x", null, "t")))
                .isInstanceOfSatisfying(EventsException.class,
                        e -> assertThat(e.error()).isEqualTo(EventsError.LOG_CLOSED));
    }
}

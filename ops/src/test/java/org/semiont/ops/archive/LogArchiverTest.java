package org.semiont.ops.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.semiont.events.EventLog;
import org.semiont.ops.OpsException;
import org.semiont.ops.backup.BackupCatalog;
import org.semiont.ops.backup.BackupCreator;
import org.semiont.ops.backup.BackupOptions;
import org.semiont.ops.backup.TestLogs;
import org.semiont.ops.restore.LogRestorer;
import org.semiont.ops.restore.RestorePlan;
import org.semiont.ops.restore.RestorePlanner;
import org.semiont.ops.restore.RestorePoint;
import org.semiont.ops.retention.BackupPruner;
import org.semiont.ops.retention.PruneResult;
import org.semiont.ops.retention.RecoveryWindow;
import org.semiont.ops.target.BackupTarget;
import org.semiont.ops.target.DirectoryTarget;

class LogArchiverTest {
    @TempDir
    Path tmp;

    private Path data() {
        return tmp.resolve("data");
    }

    static void backup(BackupTarget target, EventLog log, Path data) {
        new BackupCreator(target, log, data, Clock.systemUTC(), "test").create(BackupOptions.defaults().withChunkBytes(4096));
    }

    static RestorePlan restore(BackupTarget target, RestorePoint point, Path into) {
        BackupCatalog catalog = BackupCatalog.read(target);
        RestorePlan plan = new RestorePlanner(catalog, ArchiveCatalog.read(target)).plan(Optional.empty(), point);
        LogRestorer r = new LogRestorer(target, catalog);
        r.verify(plan);
        try (EventLog dest = TestLogs.open(into, Clock.systemUTC())) {
            r.restore(plan, dest, into, p -> { });
        }
        return plan;
    }

    /** Waits for the archiver to reach a position; the interval is short, so this is quick. */
    static void awaitArchived(LogArchiver a, long position) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (a.archivedPosition() < position && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(a.archivedPosition()).as("archived position").isGreaterThanOrEqualTo(position);
    }

    @Test
    void events_committed_after_the_last_backup_are_shipped_and_a_restore_brings_them_back_to_any_moment() throws Exception {
        DirectoryTarget target = new DirectoryTarget(tmp.resolve("target"));
        try (EventLog log = TestLogs.open(data(), TestLogs.ticking())) {
            TestLogs.append(log, 20);
            backup(target, log, data());
            try (LogArchiver archiver = new LogArchiver(target, log, data(), Duration.ofMillis(50), Clock.systemUTC())) {
                archiver.start();
                TestLogs.append(log, 15);
                awaitArchived(archiver, 35);
                assertThat(archiver.lagSeconds()).isZero();
                Files.createDirectories(data().resolve("documents/ab"));
                Files.writeString(data().resolve("documents/ab/note.dat"), "content that came after the backup");
                TestLogs.append(log, 10);
                awaitArchived(archiver, 45);
            }
        }
        List<String> all = TestLogs.lines(data());
        assertThat(ArchiveCatalog.read(target).all()).isNotEmpty().allSatisfy(s -> assertThat(s.first()).isGreaterThan(20));

        RestorePlan latest = restore(target, new RestorePoint.Latest(), tmp.resolve("latest"));
        assertThat(latest.segments()).isNotEmpty();
        assertThat(TestLogs.lines(tmp.resolve("latest"))).containsExactlyElementsOf(all);
        assertThat(tmp.resolve("latest/documents/ab/note.dat")).hasContent("content that came after the backup");
        try (EventLog restored = TestLogs.readOnly(tmp.resolve("latest"))) {
            assertThat(restored.verify(null).defects()).isEmpty();
        }
        // event n is stamped T0 + (n - 1) s: half a second after event 38, which only the archive holds
        restore(target, new RestorePoint.Time(TestLogs.T0.plusMillis(37_500)), tmp.resolve("by-time"));
        assertThat(TestLogs.lines(tmp.resolve("by-time"))).containsExactlyElementsOf(all.subList(0, 38));
        restore(target, new RestorePoint.Position(41), tmp.resolve("by-position"));
        assertThat(TestLogs.lines(tmp.resolve("by-position"))).containsExactlyElementsOf(all.subList(0, 41));
        assertThatThrownBy(() -> restore(target, new RestorePoint.Position(46), tmp.resolve("too-far")))
                .isInstanceOf(OpsException.class).hasMessageContaining("the archive end at position 45");
    }

    @Test
    void a_stop_ships_what_is_left_and_the_next_backup_lets_prune_drop_the_segments_it_holds() throws Exception {
        DirectoryTarget target = new DirectoryTarget(tmp.resolve("target"));
        try (EventLog log = TestLogs.open(data(), TestLogs.ticking())) {
            TestLogs.append(log, 5);
            backup(target, log, data());
            LogArchiver archiver = new LogArchiver(target, log, data(), Duration.ofHours(1), Clock.systemUTC());
            archiver.start();
            TestLogs.append(log, 7);
            assertThat(archiver.archivedPosition()).isLessThan(12);
            archiver.close();
            assertThat(ArchiveCatalog.read(target).end(log.logId())).contains(12L);

            PruneResult kept = new BackupPruner(target, new RecoveryWindow(Duration.ofDays(7)), Clock.systemUTC()).prune(false);
            assertThat(kept.segmentsRemoved()).isEmpty();
            backup(target, log, data());
            PruneResult dropped = new BackupPruner(target, new RecoveryWindow(Duration.ofDays(7)), Clock.systemUTC()).prune(false);
            assertThat(dropped.segmentsRemoved()).containsExactly(log.logId() + " 6..12");
            assertThat(ArchiveCatalog.read(target).all()).isEmpty();
            assertThat(target.list(ArchiveSegment.ARCHIVE)).isEmpty();
        }
        assertThat(TestLogs.lines(restoreInto(target))).containsExactlyElementsOf(TestLogs.lines(data()));
    }

    private Path restoreInto(BackupTarget target) {
        Path into = tmp.resolve("restored");
        restore(target, new RestorePoint.Latest(), into);
        return into;
    }

    @Test
    void a_flipped_byte_in_an_archived_chunk_is_named_and_nothing_is_restored() throws Exception {
        DirectoryTarget target = new DirectoryTarget(tmp.resolve("target"));
        try (EventLog log = TestLogs.open(data(), TestLogs.ticking())) {
            TestLogs.append(log, 5);
            backup(target, log, data());
            try (LogArchiver archiver = new LogArchiver(target, log, data(), Duration.ofMillis(20), Clock.systemUTC())) {
                archiver.start();
                TestLogs.append(log, 5);
                awaitArchived(archiver, 10);
            }
        }
        String key = ArchiveCatalog.read(target).all().get(0).chunks().get(0).key();
        Path chunk = target.root().resolve(key);
        byte[] bytes = Files.readAllBytes(chunk);
        bytes[bytes.length / 2] ^= 1;
        Files.write(chunk, bytes);
        assertThatThrownBy(() -> restore(target, new RestorePoint.Latest(), tmp.resolve("refused")))
                .isInstanceOf(OpsException.class).hasMessageContaining("CHECKSUM_MISMATCH " + key);
        assertThat(tmp.resolve("refused")).doesNotExist();
    }
}

package org.semiont.ops.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.semiont.events.EventLog;
import org.semiont.ops.backup.BackupCatalog;
import org.semiont.ops.backup.BackupCreator;
import org.semiont.ops.backup.Manifest;
import org.semiont.ops.backup.TestLogs;
import org.semiont.ops.retention.BackupPruner;
import org.semiont.ops.retention.RecoveryWindow;
import org.semiont.ops.target.DirectoryTarget;

class ScheduledBackupsTest {
    @TempDir
    Path tmp;

    /** A clock the test moves. */
    static final class SetClock extends Clock {
        Instant now;

        SetClock(Instant now) {
            this.now = now;
        }

        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        public Clock withZone(ZoneId zone) {
            return this;
        }

        public Instant instant() {
            return now;
        }
    }

    @Test
    void a_run_missed_while_down_happens_at_start_then_one_per_scheduled_moment_and_old_backups_are_pruned() throws Exception {
        SetClock clock = new SetClock(Instant.parse("2026-12-01T10:00:00Z"));
        DirectoryTarget target = new DirectoryTarget(tmp.resolve("backups"));
        try (EventLog log = TestLogs.open(tmp.resolve("data"), TestLogs.ticking())) {
            ScheduledBackups s = new ScheduledBackups(target, CronSchedule.parse("0 3 * * *"),
                    new BackupCreator(target, log, tmp.resolve("data"), clock, "test"),
                    new BackupPruner(target, new RecoveryWindow(Duration.ofDays(2)), clock), clock);
            TestLogs.append(log, 5);

            ScheduledBackups.Run first = s.runIfDue().orElseThrow();
            assertThat(first.backup().orElseThrow().manifest().type()).isEqualTo(Manifest.Type.FULL);
            assertThat(s.runIfDue()).isEmpty();

            clock.now = Instant.parse("2026-12-02T02:59:00Z");
            assertThat(s.runIfDue()).isEmpty();
            clock.now = Instant.parse("2026-12-02T03:00:20Z");
            TestLogs.append(log, 3);
            ScheduledBackups.Run second = s.runIfDue().orElseThrow();
            assertThat(second.backup().orElseThrow().manifest().type()).isEqualTo(Manifest.Type.INCREMENTAL);
            assertThat(second.backup().get().manifest().log().firstPosition()).isEqualTo(6);
            assertThat(s.runIfDue()).isEmpty();

            // the server was down for a week: the missed run happens at once, and the window drops what it no longer needs
            clock.now = Instant.parse("2026-12-09T12:00:00Z");
            ScheduledBackups.Run late = s.runIfDue().orElseThrow();
            assertThat(late.prune().orElseThrow().removed()).isEmpty();
            ScheduledBackups.Run full = new ScheduledBackups(target, CronSchedule.parse("0 3 * * *"),
                    new BackupCreator(target, log, tmp.resolve("data"), clock, "test"),
                    new BackupPruner(target, new RecoveryWindow(Duration.ofDays(2)), clock), clock).runIfDue()
                    .orElse(null);
            assertThat(full).as("a fresh start right after a run has nothing due").isNull();
            assertThat(BackupCatalog.read(target).all()).hasSize(3);
        }
    }

    @Test
    void a_failed_run_is_reported_and_not_retried_before_the_next_scheduled_moment() throws Exception {
        SetClock clock = new SetClock(Instant.parse("2026-12-01T10:00:00Z"));
        DirectoryTarget target = new DirectoryTarget(tmp.resolve("backups"));
        try (EventLog log = TestLogs.open(tmp.resolve("data"), TestLogs.ticking());
             AutoCloseable held = target.lock("a backup from cron")) {
            TestLogs.append(log, 2);
            ScheduledBackups s = new ScheduledBackups(target, CronSchedule.parse("0 3 * * *"),
                    new BackupCreator(target, log, tmp.resolve("data"), clock, "test"),
                    new BackupPruner(target, new RecoveryWindow(Duration.ofDays(7)), clock), clock);
            ScheduledBackups.Run r = s.runIfDue().orElseThrow();
            assertThat(r.backup()).isEmpty();
            assertThat(r.failure()).hasValueSatisfying(m -> assertThat(m).contains("skipped").contains("a backup from cron"));
            assertThat(s.runIfDue()).isEmpty();
            clock.now = Instant.parse("2026-12-02T03:00:00Z");
            assertThat(s.runIfDue()).isPresent();
        }
        assertThat(Optional.of(BackupCatalog.read(target).all())).hasValueSatisfying(l -> assertThat(l).isEmpty());
    }
}

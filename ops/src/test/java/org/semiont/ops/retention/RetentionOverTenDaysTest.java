package org.semiont.ops.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.semiont.events.EventLog;
import org.semiont.events.EventLogOptions;
import org.semiont.events.commit.Syncer;
import org.semiont.ops.backup.BackupCatalog;
import org.semiont.ops.backup.BackupCreator;
import org.semiont.ops.backup.BackupOptions;
import org.semiont.ops.backup.BackupVerifier;
import org.semiont.ops.backup.Manifest;
import org.semiont.ops.restore.LogRestorer;
import org.semiont.ops.restore.RestorePlan;
import org.semiont.ops.restore.RestorePlanner;
import org.semiont.ops.restore.RestorePoint;
import org.semiont.ops.target.DirectoryTarget;

class RetentionOverTenDaysTest {
    static final Instant DAY0 = Instant.parse("2026-11-01T03:00:00Z");

    @TempDir
    Path tmp;

    /** A clock the test moves. */
    static final class SimClock extends Clock {
        Instant now = DAY0;

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
    void a_seven_day_window_keeps_the_newest_full_before_it_with_its_chain_and_drops_what_is_older() throws Exception {
        SimClock clock = new SimClock();
        DirectoryTarget target = new DirectoryTarget(tmp.resolve("backups"));
        Path data = tmp.resolve("data");
        Set<Integer> fullDays = Set.of(0, 2, 5, 8);
        List<String> ids = new ArrayList<>();
        try (EventLog log = EventLog.open(data, EventLogOptions.defaults().withSyncer(Syncer.NONE).withClock(clock))) {
            for (int day = 0; day < 10; day++) {
                clock.now = DAY0.plus(Duration.ofDays(day));
                org.semiont.ops.backup.TestLogs.append(log, 5);
                Files.createDirectories(data.resolve("documents/ab/cd"));
                Files.writeString(data.resolve("documents/ab/cd/day-" + day + ".dat"), "content of day " + day);
                // yesterday's file gone from the data dir: only the backups that saw it still list it
                Files.deleteIfExists(data.resolve("documents/ab/cd/day-" + (day - 1) + ".dat"));
                try (EventLog ro = EventLog.open(data, EventLogOptions.defaults().withReadOnly(true))) {
                    ids.add(new BackupCreator(target, ro, data, clock, "test")
                            .create(BackupOptions.defaults().withFull(fullDays.contains(day))).manifest().id());
                }
            }
        }
        clock.now = DAY0.plus(Duration.ofDays(10));
        BackupPruner pruner = new BackupPruner(target, new RecoveryWindow(Duration.ofDays(7)), clock);

        PruneResult dry = pruner.prune(true);
        assertThat(dry.removed()).extracting(RetentionDecision::backupId).containsExactly(ids.get(0), ids.get(1));
        assertThat(dry.decisions().get(2).reason()).contains("newest full backup that finished before the window");
        assertThat(dry.decisions().get(1).reason()).contains("depends on full backup " + ids.get(0));
        assertThat(dry.contentRemoved()).containsExactly("content/ab/cd/day-0.dat", "content/ab/cd/day-1.dat");
        assertThat(BackupCatalog.read(target).all()).hasSize(10);

        PruneResult real = pruner.prune(false);
        assertThat(real.removed()).hasSize(2);
        BackupCatalog left = BackupCatalog.read(target);
        assertThat(left.all()).extracting(Manifest::id).containsExactlyElementsOf(ids.subList(2, 10));
        assertThat(target.root().resolve("content/ab/cd/day-0.dat")).doesNotExist();
        assertThat(target.root().resolve("content/ab/cd/day-2.dat")).exists();
        assertThat(new BackupVerifier(target, left).verify(left.all()).defects()).isEmpty();

        // the window's first moment (day 3, when day 3's events were stamped) is still reachable from the day-2 full:
        // the cut lies in the first backup holding an event after it (day 4's)
        Instant edge = DAY0.plus(Duration.ofDays(3));
        RestorePlan plan = new RestorePlanner(left).plan(Optional.empty(), new RestorePoint.Time(edge));
        assertThat(plan.chain()).extracting(Manifest::id).containsExactly(ids.get(2), ids.get(3), ids.get(4));
        Path into = tmp.resolve("restored");
        try (EventLog dest = EventLog.open(into, EventLogOptions.defaults().withSyncer(Syncer.NONE))) {
            assertThat(new LogRestorer(target, left).restore(plan, dest, into, p -> { }).events()).isEqualTo(4 * 5);
        }
    }
}

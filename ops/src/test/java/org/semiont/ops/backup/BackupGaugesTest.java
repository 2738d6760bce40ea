package org.semiont.ops.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.semiont.events.EventLog;
import org.semiont.ops.target.DirectoryTarget;

class BackupGaugesTest {
    @TempDir
    Path tmp;

    @Test
    void the_gauges_show_the_newest_backup_re_reading_the_target_after_the_refresh_interval() {
        DirectoryTarget target = new DirectoryTarget(tmp.resolve("backups"));
        Path data = tmp.resolve("data");
        Instant t0 = Instant.parse("2026-12-06T10:00:00Z");
        Clock[] now = {Clock.fixed(t0, ZoneOffset.UTC)};
        BackupGauges gauges = new BackupGauges(target, new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0].instant();
            }
        });
        assertThat(gauges.lastSuccess()).as("no backup yet").isEmpty();
        assertThat(gauges.lastSizeBytes()).isNaN();

        BackupResult b;
        try (EventLog log = TestLogs.open(data, TestLogs.ticking())) {
            TestLogs.append(log, 10);
        }
        try (EventLog ro = TestLogs.readOnly(data)) {
            b = new BackupCreator(target, ro, data, Clock.systemUTC(), "test").create(BackupOptions.defaults());
        }
        assertThat(gauges.lastSuccess()).as("cached until the refresh interval passes").isEmpty();

        now[0] = Clock.fixed(t0.plus(BackupGauges.REFRESH).plusSeconds(1), ZoneOffset.UTC);
        assertThat(gauges.lastSuccess()).contains(b.manifest().finishedAt());
        assertThat(gauges.lastSizeBytes()).isEqualTo((double) b.manifest().ownBytes()).isPositive();
        assertThat(gauges.archiveLagSeconds()).isNaN();
    }
}

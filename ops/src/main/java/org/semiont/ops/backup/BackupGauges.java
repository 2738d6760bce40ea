package org.semiont.ops.backup;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.semiont.ops.target.BackupTarget;

/**
 * A target's newest backup as the server's backup series show it ({@code semiont_backup_last_success_timestamp_seconds},
 * {@code semiont_backup_last_size_bytes}). Backups are taken by another process ({@code semiont backup create}, from
 * cron), so the manifests are re-read at scrape time, at most once per {@link #REFRESH}.
 */
public final class BackupGauges implements org.semiont.server.metrics.BackupStatus {
    static final Duration REFRESH = Duration.ofSeconds(30);
    private final BackupTarget target;
    private final Clock clock;
    private final java.util.function.DoubleSupplier archiveLag;
    private Optional<BackupStatus> last = Optional.empty();
    private Instant readAt;

    public BackupGauges(BackupTarget target, Clock clock) {
        this(target, clock, () -> Double.NaN);
    }

    /** With continuous archiving: {@code archiveLag} gives the archiver's lag in seconds. */
    public BackupGauges(BackupTarget target, Clock clock, java.util.function.DoubleSupplier archiveLag) {
        this.target = target;
        this.clock = clock;
        this.archiveLag = archiveLag;
    }

    private synchronized Optional<BackupStatus> status() {
        Instant now = clock.instant();
        if (readAt == null || readAt.plus(REFRESH).isBefore(now)) {
            try {
                last = BackupStatus.read(BackupCatalog.read(target));
            } catch (RuntimeException e) {
                // an unreachable target reads as "no backup": the age alert then fires, which is the point
                last = Optional.empty();
            }
            readAt = now;
        }
        return last;
    }

    @Override
    public Optional<Instant> lastSuccess() {
        return status().map(BackupStatus::lastSuccess);
    }

    @Override
    public double lastSizeBytes() {
        return status().map(s -> (double) s.lastBytes()).orElse(Double.NaN);
    }

    @Override
    public double archiveLagSeconds() {
        return archiveLag.getAsDouble();
    }
}

package org.semiont.ops.backup;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The newest backup of a target as a metrics gauge or health probe would show it: when it last succeeded, how much
 * it wrote, how long it took, the log position it covers. Read from the manifests, so it is right for backups taken
 * by any process; register {@link #read} with a gauge to export it.
 */
public record BackupStatus(String lastId, Instant lastSuccess, long lastBytes, Duration lastDuration, long lastPosition,
                           int backups) {
    public static Optional<BackupStatus> read(BackupCatalog catalog) {
        return catalog.newest().map(m -> new BackupStatus(m.id(), m.finishedAt(), m.ownBytes(),
                Duration.between(m.startedAt(), m.finishedAt()), m.log().lastPosition(), catalog.all().size()));
    }

    /** Seconds since the last success at {@code now} (for an alert on a backup that stopped running). */
    public long ageSeconds(Instant now) {
        return Math.max(0, Duration.between(lastSuccess, now).getSeconds());
    }
}

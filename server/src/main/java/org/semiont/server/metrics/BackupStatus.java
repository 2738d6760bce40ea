package org.semiont.server.metrics;

import java.time.Instant;
import java.util.Optional;

/**
 * What the backup feature reports for monitoring, read at scrape time. Plugged in with
 * {@code ServerMetrics.backups().register(status)}; until then the series exist without a value (NaN), so the alert
 * on an old backup stays quiet on a server that takes none.
 */
public interface BackupStatus {
    /** When the last backup completed successfully. */
    Optional<Instant> lastSuccess();

    /** Size of that backup in bytes (NaN when unknown). */
    double lastSizeBytes();

    /** Age of the oldest event not yet archived, in seconds (0 when everything is archived, NaN when unknown). */
    double archiveLagSeconds();

    BackupStatus NONE = new BackupStatus() {
        @Override
        public Optional<Instant> lastSuccess() {
            return Optional.empty();
        }

        @Override
        public double lastSizeBytes() {
            return Double.NaN;
        }

        @Override
        public double archiveLagSeconds() {
            return Double.NaN;
        }
    };
}

package org.semiont.server.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicReference;

/** The backup series, reading whichever {@link BackupStatus} was registered last. */
public final class BackupMetrics {
    private final AtomicReference<BackupStatus> status = new AtomicReference<>(BackupStatus.NONE);

    BackupMetrics(MeterRegistry registry) {
        Gauge.builder("semiont.backup.last.success.timestamp", status,
                        s -> s.get().lastSuccess().map(t -> t.toEpochMilli() / 1000.0).orElse(Double.NaN))
                .baseUnit("seconds").description("When the last backup completed (Unix time)").strongReference(true).register(registry);
        Gauge.builder("semiont.backup.last.size", status, s -> s.get().lastSizeBytes())
                .baseUnit("bytes").description("Size of the last successful backup").strongReference(true).register(registry);
        Gauge.builder("semiont.backup.archive.lag", status, s -> s.get().archiveLagSeconds())
                .baseUnit("seconds").description("Age of the oldest event not yet archived").strongReference(true).register(registry);
    }

    /** Replaces the status the series read (the backup feature calls this once at start). */
    public void register(BackupStatus s) {
        status.set(s == null ? BackupStatus.NONE : s);
    }
}

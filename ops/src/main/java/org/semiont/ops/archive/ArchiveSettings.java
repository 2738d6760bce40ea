package org.semiont.ops.archive;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.semiont.ops.OpsError;
import org.semiont.ops.OpsException;
import org.semiont.server.config.Durations;

/**
 * {@code SEMIONT_BACKUP_ARCHIVE} ({@code on}/{@code off}, default off) and {@code SEMIONT_BACKUP_ARCHIVE_INTERVAL}
 * (how long a committed event may wait before it is shipped, default 10 s; {@code 500ms}, {@code 10s}, {@code 1m}).
 * A bad value throws {@link OpsException} or the server's {@code ConfigException}.
 */
public record ArchiveSettings(boolean on, Duration interval) {
    public static final String ENV = "SEMIONT_BACKUP_ARCHIVE";
    public static final String INTERVAL_ENV = "SEMIONT_BACKUP_ARCHIVE_INTERVAL";
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);

    public static ArchiveSettings from(Function<String, Optional<String>> env) {
        String v = env.apply(ENV).orElse("off").trim();
        boolean on;
        if (v.equalsIgnoreCase("on") || v.equalsIgnoreCase("true")) {
            on = true;
        } else if (v.equalsIgnoreCase("off") || v.equalsIgnoreCase("false")) {
            on = false;
        } else {
            throw new OpsException(OpsError.SETTING_INVALID, ENV + " must be on or off, got '" + v + "'");
        }
        Duration interval = env.apply(INTERVAL_ENV).map(t -> Durations.parse(t, INTERVAL_ENV)).orElse(DEFAULT_INTERVAL);
        if (interval.isZero() || interval.isNegative()) {
            throw new OpsException(OpsError.SETTING_INVALID, INTERVAL_ENV + " must be longer than 0, got " + interval);
        }
        return new ArchiveSettings(on, interval);
    }
}

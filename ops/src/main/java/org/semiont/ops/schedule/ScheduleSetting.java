package org.semiont.ops.schedule;

import java.util.Optional;
import org.semiont.ops.OpsError;
import org.semiont.ops.OpsException;

/** {@code SEMIONT_BACKUP_SCHEDULE}: a cron expression in UTC, {@code off}, or unset for {@link #DEFAULT}. */
public final class ScheduleSetting {
    public static final String ENV = "SEMIONT_BACKUP_SCHEDULE";
    public static final String DEFAULT = "0 3 * * *";

    private ScheduleSetting() {
    }

    /** The schedule, or empty when it is {@code off}. */
    public static Optional<CronSchedule> parse(Optional<String> value) {
        String v = value.map(String::trim).filter(s -> !s.isEmpty()).orElse(DEFAULT);
        if (v.equalsIgnoreCase("off")) {
            return Optional.empty();
        }
        try {
            return Optional.of(CronSchedule.parse(v));
        } catch (IllegalArgumentException e) {
            throw new OpsException(OpsError.SETTING_INVALID, ENV + ": " + e.getMessage() + " (or 'off')");
        }
    }
}

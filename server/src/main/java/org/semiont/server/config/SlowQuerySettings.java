package org.semiont.server.config;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code SEMIONT_DB_SLOW_QUERY}: statements of the embedded PostgreSQL that run at least this long are written to its
 * log ({@code log_min_duration_statement}, read by {@code semiont logs --postgres}). Default 1 s; {@code off}
 * disables. An external server keeps its own setting (changing it needs a superuser).
 */
public final class SlowQuerySettings {
    public static final String VARIABLE = "SEMIONT_DB_SLOW_QUERY";
    public static final Duration DEFAULT = Duration.ofSeconds(1);

    private SlowQuerySettings() {
    }

    /** The threshold, or empty when slow statements are not logged. */
    public static Optional<Duration> resolve(Environment env) {
        Optional<String> value = env.get(VARIABLE);
        if (value.isEmpty()) {
            return Optional.of(DEFAULT);
        }
        String v = value.get().toLowerCase(Locale.ROOT);
        if (v.equals("off") || v.equals("-1")) {
            return Optional.empty();
        }
        return Optional.of(Durations.parse(v, VARIABLE));
    }

    /** The value of {@code log_min_duration_statement}: milliseconds, {@code -1} for off. */
    public static String postgresSetting(Optional<Duration> threshold) {
        return threshold.map(d -> String.valueOf(d.toMillis())).orElse("-1");
    }
}

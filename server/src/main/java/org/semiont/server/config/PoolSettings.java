package org.semiont.server.config;

import java.time.Duration;

/**
 * HikariCP settings. Defaults suit a 2-core machine: a small pool keeps PostgreSQL from
 * context-switching between more active backends than it has cores to run them.
 */
public record PoolSettings(int maximumPoolSize, int minimumIdle, Duration connectionTimeout,
                           Duration idleTimeout, Duration maxLifetime, Duration statementTimeout) {
    public static final PoolSettings DEFAULTS = new PoolSettings(8, 2, Duration.ofSeconds(5),
            Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofSeconds(60));

    public PoolSettings {
        if (maximumPoolSize < 1 || maximumPoolSize > 1000) {
            throw new ConfigException("SEMIONT_DB_POOL_SIZE must be between 1 and 1000, got " + maximumPoolSize + ".");
        }
        if (minimumIdle < 0 || minimumIdle > maximumPoolSize) {
            throw new ConfigException("SEMIONT_DB_POOL_MIN_IDLE must be between 0 and the pool size (" + maximumPoolSize + "), got " + minimumIdle + ".");
        }
        if (connectionTimeout.toMillis() < 250) {
            throw new ConfigException("SEMIONT_DB_CONNECTION_TIMEOUT must be at least 250ms.");
        }
    }

    public static PoolSettings from(Environment env) {
        int size = env.get("SEMIONT_DB_POOL_SIZE").map(v -> parseInt(v, "SEMIONT_DB_POOL_SIZE")).orElse(DEFAULTS.maximumPoolSize);
        int minIdle = env.get("SEMIONT_DB_POOL_MIN_IDLE").map(v -> parseInt(v, "SEMIONT_DB_POOL_MIN_IDLE"))
                .orElse(Math.min(DEFAULTS.minimumIdle, size));
        return new PoolSettings(size, minIdle,
                duration(env, "SEMIONT_DB_CONNECTION_TIMEOUT", DEFAULTS.connectionTimeout),
                duration(env, "SEMIONT_DB_IDLE_TIMEOUT", DEFAULTS.idleTimeout),
                duration(env, "SEMIONT_DB_MAX_LIFETIME", DEFAULTS.maxLifetime),
                duration(env, "SEMIONT_DB_STATEMENT_TIMEOUT", DEFAULTS.statementTimeout));
    }

    private static Duration duration(Environment env, String name, Duration fallback) {
        return env.get(name).map(v -> Durations.parse(v, name)).orElse(fallback);
    }

    public static int parseInt(String v, String name) {
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new ConfigException(name + " must be a whole number, got \"" + v + "\".");
        }
    }
}

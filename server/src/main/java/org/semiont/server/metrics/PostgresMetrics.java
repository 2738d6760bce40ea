package org.semiont.server.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * PostgreSQL's series under postgres_exporter's names ({@code pg_up}, {@code pg_stat_activity_count{state}},
 * {@code pg_settings_max_connections}, {@code pg_database_size_bytes}, {@code pg_stat_database_*}), read at scrape
 * time with a short timeout and kept a few seconds. Cumulative counts keep their last reading while the database is
 * away; {@code pg_up} says so.
 */
final class PostgresMetrics {
    static final Duration CACHE = Duration.ofSeconds(5);
    static final List<String> STATES = List.of("active", "idle", "idle in transaction", "idle in transaction (aborted)",
            "fastpath function call", "disabled");
    private final ScrapeCache<PostgresStats> cache;
    private volatile PostgresStats lastGood;

    PostgresMetrics(MeterRegistry registry, PostgresStatsReader reader, Clock clock) {
        cache = new ScrapeCache<>(clock, CACHE, () -> {
            PostgresStats s = reader.read();
            lastGood = s;
            return s;
        });
        Gauge.builder("pg.up", this, m -> m.current().isPresent() ? 1 : 0).strongReference(true)
                .description("1 when the last statistics query answered").register(registry);
        for (String state : STATES) {
            gauge(registry, "pg.stat.activity.count", s -> s.connections(state), "Client sessions by state")
                    .tag("state", state).register(registry);
        }
        gauge(registry, "pg.settings.max.connections", PostgresStats::maxConnections, "max_connections").register(registry);
        gauge(registry, "pg.settings.superuser.reserved.connections", PostgresStats::reservedConnections,
                "superuser_reserved_connections").register(registry);
        gauge(registry, "pg.database.size", PostgresStats::databaseBytes, "Size of the database")
                .baseUnit("bytes").register(registry);
        gauge(registry, "pg.stat.database.cache.hit", PostgresStats::cacheHitRatio, "blks_hit / (blks_hit + blks_read)")
                .baseUnit("ratio").register(registry);
        gauge(registry, "pg.stat.activity.max.tx.duration", PostgresStats::oldestTransactionSeconds,
                "Age of the oldest open transaction").baseUnit("seconds").register(registry);
        gauge(registry, "pg.stat.activity.max.query.duration", PostgresStats::oldestQuerySeconds,
                "Age of the oldest running statement").baseUnit("seconds").register(registry);
        gauge(registry, "pg.locks.waiting", PostgresStats::waitingLocks, "Lock requests not granted").register(registry);
        counter(registry, "xact.commit", PostgresStats::xactCommit, null);
        counter(registry, "xact.rollback", PostgresStats::xactRollback, null);
        counter(registry, "tup.returned", PostgresStats::tupReturned, null);
        counter(registry, "tup.fetched", PostgresStats::tupFetched, null);
        counter(registry, "tup.inserted", PostgresStats::tupInserted, null);
        counter(registry, "tup.updated", PostgresStats::tupUpdated, null);
        counter(registry, "tup.deleted", PostgresStats::tupDeleted, null);
        counter(registry, "blks.hit", PostgresStats::blksHit, null);
        counter(registry, "blks.read", PostgresStats::blksRead, null);
        counter(registry, "deadlocks", PostgresStats::deadlocks, null);
        counter(registry, "temp", PostgresStats::tempBytes, "bytes");
    }

    /** Meters hold what they read weakly: the registry keeps this alive through the strongly held gauges. */
    private Optional<PostgresStats> current() {
        return cache.get();
    }

    private Gauge.Builder<PostgresMetrics> gauge(MeterRegistry registry, String name, ToDoubleFunction<PostgresStats> f,
                                                 String description) {
        return Gauge.builder(name, this, m -> m.current().map(f::applyAsDouble).orElse(Double.NaN)).description(description)
                .strongReference(true);
    }

    private void counter(MeterRegistry registry, String name, ToLongFunction<PostgresStats> f, String unit) {
        FunctionCounter.builder("pg.stat.database." + name, this, m -> {
                    m.current();
                    PostgresStats s = m.lastGood;
                    return s == null ? 0 : f.applyAsLong(s);
                }).baseUnit(unit).description("pg_stat_database." + name.replace('.', '_') + " of this database")
                .register(registry);
    }
}

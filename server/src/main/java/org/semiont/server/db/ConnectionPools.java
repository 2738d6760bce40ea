package org.semiont.server.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import org.semiont.server.config.DatabaseTarget;
import org.semiont.server.config.PoolSettings;

/** Builds HikariCP pools for a database target. */
public final class ConnectionPools {
    private ConnectionPools() {
    }

    /** The application pool. Does not fail when the database is down: requests fail, health says so. */
    public static HikariDataSource application(DatabaseTarget target, PoolSettings settings) {
        HikariConfig c = base(target, "semiont-app");
        c.setMaximumPoolSize(settings.maximumPoolSize());
        c.setMinimumIdle(settings.minimumIdle());
        c.setConnectionTimeout(settings.connectionTimeout().toMillis());
        c.setIdleTimeout(settings.idleTimeout().toMillis());
        c.setMaxLifetime(settings.maxLifetime().toMillis());
        // Everything this pool writes is a projection of the already durable event log, committed together with its
        // checkpoint: a commit lost in a crash only moves the checkpoint back and catch-up re-applies it. Not waiting
        // for PostgreSQL's own WAL flush halves the latency of every write.
        c.addDataSourceProperty("options", "-c statement_timeout=" + settings.statementTimeout().toMillis()
                + " -c synchronous_commit=off");
        // the projector's JDBC batches of inserts go out as multi-row INSERTs: one statement for PostgreSQL to plan
        c.addDataSourceProperty("reWriteBatchedInserts", "true");
        return new HikariDataSource(c);
    }

    /** A one-connection pool whose short timeout keeps health checks fast when the database is gone. */
    public static HikariDataSource health(DatabaseTarget target, Duration timeout) {
        HikariConfig c = base(target, "semiont-health");
        c.setMaximumPoolSize(1);
        c.setMinimumIdle(0);
        c.setConnectionTimeout(Math.max(250, timeout.toMillis()));
        c.setValidationTimeout(Math.max(250, timeout.toMillis()));
        c.addDataSourceProperty("connectTimeout", String.valueOf(Math.max(1, timeout.toSeconds())));
        c.addDataSourceProperty("socketTimeout", String.valueOf(Math.max(1, timeout.toSeconds() + 1)));
        return new HikariDataSource(c);
    }

    private static HikariConfig base(DatabaseTarget target, String name) {
        HikariConfig c = new HikariConfig();
        c.setPoolName(name);
        c.setJdbcUrl(target.jdbcUrl());
        c.setDataSourceProperties(target.jdbcProperties());
        c.setInitializationFailTimeout(-1);
        return c;
    }
}

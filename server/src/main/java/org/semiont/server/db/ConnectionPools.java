package org.semiont.server.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.net.InetAddress;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
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
        return small(target, timeout, "semiont-health");
    }

    /** One connection for the metrics' catalog queries, apart from the health check's, with the same short timeouts. */
    public static HikariDataSource monitoring(DatabaseTarget target, Duration timeout) {
        return small(target, timeout, "semiont-metrics");
    }

    private static HikariDataSource small(DatabaseTarget target, Duration timeout, String name) {
        HikariConfig c = base(target, name);
        c.setMaximumPoolSize(1);
        c.setMinimumIdle(0);
        c.setConnectionTimeout(Math.max(250, timeout.toMillis()));
        c.setValidationTimeout(Math.max(250, timeout.toMillis()));
        c.addDataSourceProperty("connectTimeout", String.valueOf(Math.max(1, timeout.toSeconds())));
        c.addDataSourceProperty("socketTimeout", String.valueOf(Math.max(1, timeout.toSeconds() + 1)));
        return new HikariDataSource(c);
    }

    /**
     * One connection outside any pool, for a session-scoped lock held as long as the process runs. Its application
     * name ({@code semiont <purpose>}, this process's id and host) is what another process is shown when refused.
     */
    public static Connection dedicated(DatabaseTarget target, String purpose) {
        Properties p = target.jdbcProperties();
        String name = "semiont " + purpose + " (pid " + ProcessHandle.current().pid() + " on " + hostName() + ")";
        p.setProperty("ApplicationName", name.length() > 63 ? name.substring(0, 63) : name); // PostgreSQL keeps 63 bytes
        try {
            return DriverManager.getConnection(target.jdbcUrl(), p);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to " + target.displayName() + ": " + e.getMessage(), e);
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "unknown host";
        }
    }

    private static HikariConfig base(DatabaseTarget target, String name) {
        HikariConfig c = new HikariConfig();
        c.setPoolName(name);
        c.setJdbcUrl(target.jdbcUrl());
        c.setDataSourceProperties(target.jdbcProperties());
        // "semiont app", "semiont health" …: which pool a session belongs to, in pg_stat_activity and 'semiont db activity'
        c.addDataSourceProperty("ApplicationName", "semiont " + name.replaceFirst("^semiont-", ""));
        c.setInitializationFailTimeout(-1);
        return c;
    }
}

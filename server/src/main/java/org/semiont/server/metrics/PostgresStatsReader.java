package org.semiont.server.metrics;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/** Reads {@link PostgresStats} in two short catalog queries, each bounded by a timeout; works on any PostgreSQL ≥ 10. */
final class PostgresStatsReader {
    static final String SESSIONS = "SELECT coalesce(state, 'unknown'), count(*) FROM pg_stat_activity "
            + "WHERE backend_type = 'client backend' GROUP BY 1";
    static final String DATABASE = "SELECT "
            + "(SELECT setting::bigint FROM pg_settings WHERE name = 'max_connections'), "
            + "(SELECT setting::bigint FROM pg_settings WHERE name = 'superuser_reserved_connections'), "
            + "pg_database_size(current_database()), "
            + "d.xact_commit, d.xact_rollback, d.tup_returned, d.tup_fetched, d.tup_inserted, d.tup_updated, "
            + "d.tup_deleted, d.blks_hit, d.blks_read, d.deadlocks, d.temp_bytes, "
            + "(SELECT coalesce(extract(epoch FROM max(clock_timestamp() - xact_start)), 0) FROM pg_stat_activity "
            + "  WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()), "
            + "(SELECT coalesce(extract(epoch FROM max(clock_timestamp() - query_start)), 0) FROM pg_stat_activity "
            + "  WHERE state = 'active' AND backend_type = 'client backend' AND pid <> pg_backend_pid()), "
            + "(SELECT count(*) FROM pg_locks WHERE NOT granted) "
            + "FROM pg_stat_database d WHERE d.datname = current_database()";
    private final DataSource pool;
    private final int timeoutSeconds;

    PostgresStatsReader(DataSource pool, Duration timeout) {
        this.pool = pool;
        this.timeoutSeconds = (int) Math.max(1, timeout.toSeconds());
    }

    PostgresStats read() {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.setQueryTimeout(timeoutSeconds);
            Map<String, Long> states = new HashMap<>();
            try (ResultSet rs = s.executeQuery(SESSIONS)) {
                while (rs.next()) {
                    states.put(rs.getString(1), rs.getLong(2));
                }
            }
            try (ResultSet rs = s.executeQuery(DATABASE)) {
                if (!rs.next()) {
                    throw new IllegalStateException("pg_stat_database has no row for the current database");
                }
                return new PostgresStats(states, rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getLong(11),
                        rs.getLong(12), rs.getLong(13), rs.getLong(14), rs.getDouble(15), rs.getDouble(16), rs.getLong(17));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading PostgreSQL's statistics failed: " + e.getMessage(), e);
        }
    }
}

package org.semiont.ops.sessions;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Reads the client sessions of a PostgreSQL server from {@code pg_stat_activity}, the caller's own left out. */
public final class SessionReader {
    private static final String SESSIONS = """
            SELECT a.pid, a.datname, a.usename, a.application_name, host(a.client_addr) AS client_host, a.client_port,
                   a.state, a.wait_event_type, a.wait_event,
                   EXTRACT(EPOCH FROM clock_timestamp() - a.query_start) AS query_seconds,
                   EXTRACT(EPOCH FROM clock_timestamp() - a.xact_start) AS xact_seconds,
                   pg_blocking_pids(a.pid) AS blocked_by, a.query
              FROM pg_stat_activity a
             WHERE a.backend_type = 'client backend' AND a.pid <> pg_backend_pid()
               AND (? OR a.datname = current_database())
             ORDER BY a.xact_start NULLS LAST, a.query_start NULLS LAST, a.pid""";
    private static final String WAITS = """
            SELECT l.pid, l.locktype, l.mode,
                   CASE WHEN l.relation IS NOT NULL THEN l.relation::regclass::text END AS relation
              FROM pg_locks l
             WHERE NOT l.granted""";

    private final Connection connection;

    public SessionReader(Connection connection) {
        this.connection = connection;
    }

    /** The sessions of the connection's database, or of every database when {@code allDatabases}. */
    public List<Session> sessions(boolean allDatabases) throws SQLException {
        List<Session> out = new ArrayList<>();
        try (PreparedStatement q = connection.prepareStatement(SESSIONS)) {
            q.setBoolean(1, allDatabases);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    out.add(session(rs));
                }
            }
        }
        return out;
    }

    /** The locks sessions wait for, by pid: what {@code db locks} shows next to a blocked session. */
    public List<LockWait> waits() throws SQLException {
        List<LockWait> out = new ArrayList<>();
        try (PreparedStatement q = connection.prepareStatement(WAITS); ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                out.add(new LockWait(rs.getInt("pid"), rs.getString("locktype"), rs.getString("mode"),
                        Optional.ofNullable(rs.getString("relation"))));
            }
        }
        return out;
    }

    private static Session session(ResultSet rs) throws SQLException {
        String host = rs.getString("client_host");
        int port = rs.getInt("client_port");
        String client = host == null ? "local" : host + (port > 0 ? ":" + port : "");
        String waitType = rs.getString("wait_event_type");
        String wait = waitType == null ? "" : waitType + ":" + rs.getString("wait_event");
        return new Session(rs.getInt("pid"), rs.getString("datname"), rs.getString("usename"),
                rs.getString("application_name"), client, rs.getString("state"), wait,
                seconds(rs, "query_seconds"), seconds(rs, "xact_seconds"), pids(rs.getArray("blocked_by")),
                rs.getString("query"));
    }

    private static Optional<Duration> seconds(ResultSet rs, String column) throws SQLException {
        double s = rs.getDouble(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(Duration.ofMillis(Math.max(0, Math.round(s * 1000))));
    }

    private static List<Integer> pids(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        Object[] values = (Object[]) array.getArray();
        return Arrays.stream(values).map(v -> ((Number) v).intValue()).toList();
    }
}

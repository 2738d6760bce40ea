package org.semiont.server.projection;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One process at a time writes a database's projections: a server for as long as it runs, a {@code projections}
 * verb for its run. Without it, {@code semiont projections rebuild} on another data dir emptied the tables of a
 * server still running on the same database. Held as a PostgreSQL session advisory lock on a connection of its own
 * (not a pooled one, which would carry the lock back into the pool), so it ends with the process; the connection's
 * application name tells a refused process who holds it.
 */
public final class ProjectionLock implements AutoCloseable {
    /** Next to the schema push lock's key ({@code 0x53454d494f4e5401}): "SEMIONT", then 2. */
    static final long KEY = 0x53454d494f4e5402L;
    private final Connection connection;

    private ProjectionLock(Connection connection) {
        this.connection = connection;
    }

    /** Takes the lock on {@code dedicated}, which it then owns; refused at once (and closed) when another holds it. */
    public static ProjectionLock acquire(Connection dedicated) {
        boolean taken = false;
        try {
            try (Statement s = dedicated.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_try_advisory_lock(" + KEY + ")")) {
                taken = rs.next() && rs.getBoolean(1);
            }
            if (taken) {
                return new ProjectionLock(dedicated);
            }
            throw new ProjectionException("another process is writing the projections of this database" + holder(dedicated)
                    + ". One server (or one 'semiont projections' verb) per database: stop that one first, or give "
                    + "this one a database of its own (DATABASE_URL)");
        } catch (SQLException e) {
            throw new ProjectionException("cannot take the projections lock of this database: " + e.getMessage(), e);
        } finally {
            if (!taken) {
                closeQuietly(dedicated);
            }
        }
    }

    /** " (held by 'semiont start …' from 10.0.0.7 since …)", or "" when PostgreSQL does not show it to this role. */
    private static String holder(Connection c) {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT a.application_name, a.client_addr, "
                + "a.backend_start FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory' "
                + "AND l.granted AND l.classid = " + (KEY >>> 32) + " AND l.objid = " + (KEY & 0xffffffffL)
                + " AND l.objsubid = 1")) {
            if (rs.next() && rs.getString(1) != null) {
                String from = rs.getString(2) == null ? "" : " from " + rs.getString(2);
                String since = rs.getTimestamp(3) == null ? "" : " since " + rs.getTimestamp(3).toInstant();
                return " (held by '" + rs.getString(1) + "'" + from + since + ")";
            }
        } catch (SQLException e) {
            // who holds it is a courtesy; the refusal stands without it
        }
        return "";
    }

    /** Releases the lock by closing its connection. */
    @Override
    public void close() {
        closeQuietly(connection);
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            // closing the session releases the lock either way
        }
    }
}

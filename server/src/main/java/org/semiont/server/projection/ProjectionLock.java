package org.semiont.server.projection;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One process at a time writes a database's projections: a server for as long as it runs, a {@code projections}
 * verb for its run. Without it, {@code semiont projections rebuild} on another data dir emptied the tables of a
 * server still running on the same database. Held as a PostgreSQL session advisory lock on a connection of its own
 * (not a pooled one, which would carry the lock back into the pool), so it ends with the process; the connection's
 * application name tells a refused process who holds it. A database restart ends the session and the lock with it:
 * {@link #keep} takes it again.
 */
public final class ProjectionLock implements AutoCloseable {
    /** Next to the schema push lock's key ({@code 0x53454d494f4e5401}): "SEMIONT", then 2. */
    static final long KEY = 0x53454d494f4e5402L;
    private static final int VALID_TIMEOUT_SECONDS = 5;
    private static final Logger log = LoggerFactory.getLogger(ProjectionLock.class);

    private final Supplier<Connection> connect;
    /** Replaced only by {@link #keep}, which runs on one thread at a time (the keeper's, or a test's). */
    private volatile Connection connection;
    private volatile boolean lostToAnother;
    private volatile boolean closed;
    private ScheduledExecutorService keeper;

    private ProjectionLock(Supplier<Connection> connect, Connection connection) {
        this.connect = connect;
        this.connection = connection;
    }

    /**
     * Takes the lock on a connection from {@code connect} (one of its own, which the lock then owns); refused at
     * once, with who holds it, when another process does.
     */
    public static ProjectionLock acquire(Supplier<Connection> connect) {
        Connection c = connect.get();
        try {
            if (tryLock(c)) {
                return new ProjectionLock(connect, c);
            }
            String holder = holder(c);
            closeQuietly(c);
            throw new ProjectionException("another process is writing the projections of this database" + holder
                    + ". One server (or one 'semiont projections' verb) per database: stop that one first, or give "
                    + "this one a database of its own (DATABASE_URL)");
        } catch (SQLException e) {
            closeQuietly(c);
            throw new ProjectionException("cannot take the projections lock of this database: " + e.getMessage(), e);
        }
    }

    /**
     * Checks that the lock's session lives; when it ended (the database restarted, the connection broke), takes the
     * lock again on a new connection. Called periodically. While the database is unreachable it tries again next
     * time; if another process took the lock meanwhile, {@link #takenByAnother} says so until it is back.
     */
    public void keep() {
        if (closed || valid(connection)) {
            return;
        }
        closeQuietly(connection);
        connection = null;
        Connection c;
        try {
            c = connect.get();
        } catch (RuntimeException e) {
            log.warn("The projections lock's connection is gone and the database cannot be reached yet: {}", e.getMessage());
            return;
        }
        try {
            if (tryLock(c)) {
                connection = c;
                lostToAnother = false;
                if (closed) {
                    closeQuietly(c); // closed meanwhile: the lock must not outlive it
                    return;
                }
                log.warn("The projections lock's connection had ended (database restart?); the lock is held again");
                return;
            }
            String holder = holder(c);
            closeQuietly(c);
            if (!lostToAnother) {
                log.error("Another process took the projections lock of this database{} while this server's connection "
                        + "to it was down; this server's projector will fail its next checkpoint if that process writes", holder);
            }
            lostToAnother = true;
        } catch (SQLException e) {
            closeQuietly(c);
            log.warn("Could not take the projections lock again yet: {}", e.getMessage());
        }
    }

    /** Runs {@link #keep} every {@code interval} on a daemon thread of its own, until {@link #close}. */
    public ProjectionLock keepEvery(Duration interval) {
        keeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "semiont-projections-lock");
            t.setDaemon(true);
            return t;
        });
        keeper.scheduleWithFixedDelay(this::keep, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** Why this process does not hold the lock although it should (another took it), for health; empty while held. */
    public Optional<String> takenByAnother() {
        return lostToAnother ? Optional.of("another process holds the database's projections lock") : Optional.empty();
    }

    private static boolean valid(Connection c) {
        try {
            return c != null && c.isValid(VALID_TIMEOUT_SECONDS);
        } catch (SQLException e) {
            return false;
        }
    }

    private static boolean tryLock(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_try_advisory_lock(" + KEY + ")")) {
            return rs.next() && rs.getBoolean(1);
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
        closed = true;
        if (keeper != null) {
            keeper.shutdownNow();
        }
        closeQuietly(connection);
    }

    private static void closeQuietly(Connection c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (SQLException e) {
            // closing the session releases the lock either way
        }
    }
}

package org.semiont.server.health;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;

/** Answers "does the database run {@code SELECT 1} within the timeout?". */
public final class DatabaseProbe {
    private final DataSource dataSource;
    private final Duration timeout;

    public DatabaseProbe(DataSource dataSource, Duration timeout) {
        this.dataSource = dataSource;
        this.timeout = timeout;
    }

    /** {@code lasting}: the database answered with an error waiting will not mend (a wrong password, no such database). */
    public record Result(boolean up, String reason, boolean lasting) {
        public Result(boolean up, String reason) {
            this(up, reason, false);
        }
    }

    /**
     * Probes until the database answers, an error says waiting is useless, {@code patience} has passed or the thread is
     * interrupted (its flag is kept). A start must not fail on a database that is still starting, nor on one that is
     * slow to answer a single probe because the machine is busy; {@code onWait} runs once, at the first failure.
     */
    public Result awaitUp(Duration patience, Duration pause, Runnable onWait) {
        long deadline = System.nanoTime() + patience.toNanos();
        Result r = probe();
        boolean told = false;
        while (!r.up() && !r.lasting() && System.nanoTime() < deadline) {
            if (!told) {
                onWait.run();
                told = true;
            }
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return r;
            }
            r = probe();
        }
        return r;
    }

    public Result probe() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.setQueryTimeout((int) Math.max(1, timeout.toSeconds()));
            try (ResultSet rs = s.executeQuery("SELECT 1")) {
                return rs.next() ? new Result(true, null) : new Result(false, "SELECT 1 returned no row");
            }
        } catch (SQLException e) {
            return new Result(false, "database unreachable: " + firstLine(e.getMessage()), lasting(e));
        }
    }

    /** Class 28 (invalid authorization) and 3D000 (no such database) stay until someone changes the configuration. */
    static boolean lasting(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("28") || sql.getSQLState().equals("3D000"))) {
                return true;
            }
        }
        return false;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}

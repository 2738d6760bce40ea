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

    public record Result(boolean up, String reason) {
    }

    public Result probe() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.setQueryTimeout((int) Math.max(1, timeout.toSeconds()));
            try (ResultSet rs = s.executeQuery("SELECT 1")) {
                return rs.next() ? new Result(true, null) : new Result(false, "SELECT 1 returned no row");
            }
        } catch (SQLException e) {
            return new Result(false, "database unreachable: " + firstLine(e.getMessage()));
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}

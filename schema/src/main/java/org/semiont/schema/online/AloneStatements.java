package org.semiont.schema.online;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.semiont.schema.SchemaError;
import org.semiont.schema.SchemaException;

/**
 * Runs statements that cannot share a transaction (CREATE INDEX CONCURRENTLY, VALIDATE CONSTRAINT), each in
 * autocommit with a short {@code lock_timeout}: a statement that cannot get its lock gives up before writers queue
 * behind it, and is retried after a pause, up to {@code attempts} times. A concurrent build that failed leaves an
 * invalid index, which is dropped before the next attempt.
 */
public final class AloneStatements {
    private static final String LOCK_NOT_AVAILABLE = "55P03";
    private static final Pattern CONCURRENT_INDEX = Pattern.compile("^CREATE INDEX CONCURRENTLY (\"(?:[^\"]|\"\")+\") ON (\"(?:[^\"]|\"\")+\")\\.");
    private final Duration lockTimeout;
    private final int attempts;

    public AloneStatements(Duration lockTimeout, int attempts) {
        this.lockTimeout = lockTimeout;
        this.attempts = attempts;
    }

    public void run(Connection c, List<String> statements) {
        for (String sql : statements) {
            runWithRetries(c, sql);
        }
    }

    private void runWithRetries(Connection c, String sql) {
        for (int attempt = 1; ; attempt++) {
            try (Statement st = c.createStatement()) {
                st.execute("SET lock_timeout = " + Math.max(1, lockTimeout.toMillis()));
                st.execute(sql);
                return;
            } catch (SQLException e) {
                dropInvalidIndex(c, sql, e);
                if (!LOCK_NOT_AVAILABLE.equals(e.getSQLState()) || attempt >= attempts) {
                    throw new SchemaException(e.getSQLState() != null && e.getSQLState().equals(LOCK_NOT_AVAILABLE)
                            ? SchemaError.SCHEMA_LOCK_TIMEOUT : SchemaError.SCHEMA_APPLY_FAILED,
                            "PostgreSQL did not run a statement that runs after the schema transaction (attempt " + attempt
                                    + " of " + attempts + "): " + e.getMessage()
                                    + " The changes before it are applied; run the push again to finish.", List.of(sql), e);
                }
                pause(attempt);
            }
        }
    }

    private static void dropInvalidIndex(Connection c, String sql, SQLException cause) {
        Matcher m = CONCURRENT_INDEX.matcher(sql);
        if (!m.find()) {
            return;
        }
        try (Statement st = c.createStatement()) {
            st.execute("DROP INDEX CONCURRENTLY IF EXISTS " + m.group(2) + "." + m.group(1));
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(Math.min(2000, 50L << Math.min(attempt, 5)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaException(SchemaError.SCHEMA_LOCK_TIMEOUT, "Interrupted while retrying a schema statement.", e);
        }
    }
}

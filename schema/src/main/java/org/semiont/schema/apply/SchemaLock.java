package org.semiont.schema.apply;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.semiont.schema.SchemaError;
import org.semiont.schema.SchemaException;

/**
 * Serialises pushes on one database with a transaction-scoped advisory lock, then bounds every later
 * lock wait of the transaction with {@code lock_timeout}, so a push fails clearly instead of hanging
 * behind a long query.
 */
public final class SchemaLock {
    /** "semiont" + "schema" folded into a bigint; fixed so every version of the engine agrees. */
    public static final long KEY = 0x53454d494f4e5401L;
    static final String LOCK_NOT_AVAILABLE = "55P03";

    /**
     * Waits up to {@code wait} for the advisory lock (released at commit/rollback), then sets
     * {@code lock_timeout} for the rest of the transaction. The connection must be in a transaction.
     */
    public void acquire(Connection connection, Duration wait, Duration lockTimeout, String database) {
        try (Statement st = connection.createStatement()) {
            st.execute("SET LOCAL lock_timeout = " + Math.max(1, wait.toMillis()));
            st.execute("SELECT pg_advisory_xact_lock(" + KEY + ")");
            st.execute("SET LOCAL lock_timeout = " + Math.max(1, lockTimeout.toMillis()));
        } catch (SQLException e) {
            if (LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
                throw new SchemaException(SchemaError.SCHEMA_LOCK_TIMEOUT, "Another schema push on " + database
                        + " held the schema lock for more than " + seconds(wait) + ". Nothing was applied; run the push again.", e);
            }
            throw new SchemaException(SchemaError.SCHEMA_DATABASE, "Could not take the schema lock on " + database + ": "
                    + e.getMessage(), e);
        }
    }

    static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}

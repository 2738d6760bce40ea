package org.semiont.schema.migrate;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.semiont.schema.SchemaError;
import org.semiont.schema.SchemaException;

/**
 * The session advisory lock every migrating verb holds while it reads the history and changes the database, so two
 * processes deploying at once apply each migration once: the second waits, then finds the migrations applied.
 * The key is the one Prisma Migrate takes, so a {@code prisma migrate deploy} and a semiont one exclude each other too.
 */
final class MigrationLock implements AutoCloseable {
    static final long KEY = 72707369L;
    private static final String LOCK_NOT_AVAILABLE = "55P03";
    private final Connection connection;

    private MigrationLock(Connection connection) {
        this.connection = connection;
    }

    /** Waits up to {@code wait} for the lock on an autocommit connection; the lock ends with {@link #close()}. */
    static MigrationLock acquire(Connection c, Duration wait, String database) {
        try (Statement st = c.createStatement()) {
            st.execute("SET lock_timeout = " + Math.max(1, wait.toMillis()));
            st.execute("SELECT pg_advisory_lock(" + KEY + ")");
            return new MigrationLock(c);
        } catch (SQLException e) {
            if (LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
                throw new SchemaException(SchemaError.SCHEMA_LOCK_TIMEOUT, "Another process migrating " + database
                        + " held the migration lock for more than " + wait.toSeconds() + " s. Nothing was changed; run the"
                        + " command again when it ends.", e);
            }
            throw new SchemaException(SchemaError.SCHEMA_DATABASE, "Could not take the migration lock on " + database + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try (Statement st = connection.createStatement()) {
            st.execute("SELECT pg_advisory_unlock(" + KEY + ")");
        } catch (SQLException e) {
            // the lock ends with the session, which the caller closes next
        }
    }
}

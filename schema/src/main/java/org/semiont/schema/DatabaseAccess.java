package org.semiont.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.semiont.schema.sql.Identifiers;

/** Opens connections through a {@link SchemaDatabase}, creates a missing database, and words connection errors. */
final class DatabaseAccess {
    private static final String INVALID_CATALOG = "3D000";
    private static final String DUPLICATE_DATABASE = "42P04";
    private static final String LOCK_NOT_AVAILABLE = "55P03";
    private final SchemaDatabase db;
    private final Duration lockTimeout;

    DatabaseAccess(SchemaDatabase db, Duration lockTimeout) {
        this.db = db;
        this.lockTimeout = lockTimeout;
    }

    SchemaDatabase database() {
        return db;
    }

    Connection connect() {
        try {
            return bounded(db.connect());
        } catch (SQLException e) {
            throw connectionFailure(e);
        }
    }

    /** Even reading the catalog can wait for a lock (pg_get_expr opens the table): never wait unbounded. */
    private Connection bounded(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("SET lock_timeout = " + Math.max(1, lockTimeout.toMillis()));
            return c;
        } catch (SQLException e) {
            c.close();
            throw e;
        }
    }

    /** A connection to the target database, creating the database first if PostgreSQL says it does not exist. */
    Opened connectCreating() {
        try {
            return new Opened(bounded(db.connect()), false);
        } catch (SQLException e) {
            if (!INVALID_CATALOG.equals(e.getSQLState())) {
                throw connectionFailure(e);
            }
        }
        boolean created = create();
        return new Opened(connect(), created);
    }

    /** A connection to the target database, or null when it does not exist. */
    Opened connectExisting() {
        try {
            return new Opened(bounded(db.connect()), false);
        } catch (SQLException e) {
            if (INVALID_CATALOG.equals(e.getSQLState())) {
                return null;
            }
            throw connectionFailure(e);
        }
    }

    record Opened(Connection connection, boolean createdDatabase) { }

    private boolean create() {
        try (Connection c = db.connectMaintenance(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + Identifiers.quote(db.databaseName()));
            return true;
        } catch (SQLException e) {
            if (DUPLICATE_DATABASE.equals(e.getSQLState())) {
                return false;
            }
            throw new SchemaException(SchemaError.SCHEMA_DATABASE, "Could not create the database \"" + db.databaseName()
                    + "\" on " + db.displayName() + ": " + e.getMessage()
                    + " Create it yourself or use a role that may create databases.", e);
        }
    }

    SchemaException connectionFailure(SQLException e) {
        return new SchemaException(SchemaError.SCHEMA_DATABASE, "Could not connect to " + db.displayName() + ": "
                + e.getMessage() + " Check the database URL and that PostgreSQL is running.", e);
    }

    SchemaException queryFailure(String what, SQLException e) {
        if (LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
            return new SchemaException(SchemaError.SCHEMA_LOCK_TIMEOUT, "Could not " + what + " on " + db.displayName()
                    + ": waited more than " + lockTimeout.toMillis() + " ms for a lock held by another session (a table being"
                    + " altered?). Nothing was changed; retry when it ends.", e);
        }
        return new SchemaException(SchemaError.SCHEMA_DATABASE, "Could not " + what + " on " + db.displayName() + ": "
                + e.getMessage(), e);
    }
}

package org.semiont.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.semiont.schema.sql.Identifiers;

/** Opens connections through a {@link SchemaDatabase}, creates a missing database, and words connection errors. */
final class DatabaseAccess {
    private static final String INVALID_CATALOG = "3D000";
    private static final String DUPLICATE_DATABASE = "42P04";
    private final SchemaDatabase db;

    DatabaseAccess(SchemaDatabase db) {
        this.db = db;
    }

    SchemaDatabase database() {
        return db;
    }

    Connection connect() {
        try {
            return db.connect();
        } catch (SQLException e) {
            throw connectionFailure(e);
        }
    }

    /** A connection to the target database, creating the database first if PostgreSQL says it does not exist. */
    Opened connectCreating() {
        try {
            return new Opened(db.connect(), false);
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
            return new Opened(db.connect(), false);
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
        return new SchemaException(SchemaError.SCHEMA_DATABASE, "Could not " + what + " on " + db.displayName() + ": "
                + e.getMessage(), e);
    }
}

package org.semiont.schema;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * How the engine reaches a database. The engine opens (and closes) its own connections through it.
 * AutoCloseable so an adapter that starts something (an embedded server) can stop it; the default
 * close does nothing.
 */
public interface SchemaDatabase extends AutoCloseable {
    /** A new connection to the target database. */
    Connection connect() throws SQLException;

    /** A new connection to the "postgres" database of the same server (for CREATE DATABASE). */
    Connection connectMaintenance() throws SQLException;

    /** The target database's name. */
    String databaseName();

    /** host:port/db for messages; never a password. */
    String displayName();

    /** The PostgreSQL schema used when the datasource lists none (the URL's ?schema=, default "public"). */
    String defaultNamespace();

    /**
     * Another database on the same server, reached with the same credentials and settings (a shadow database for
     * {@code migrate dev}). Closing the result must not stop the server.
     */
    default SchemaDatabase onDatabase(String database) {
        throw new UnsupportedOperationException("This database adapter cannot reach other databases on its server");
    }

    @Override
    default void close() {
    }
}

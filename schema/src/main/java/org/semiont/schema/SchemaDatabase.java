package org.semiont.schema;

import java.sql.Connection;
import java.sql.SQLException;

/** How the engine reaches a database (the application adapts its configuration to it). */
public interface SchemaDatabase {
    /** A new connection to the target database. */
    Connection connect() throws SQLException;

    /** A new connection to the "postgres" database on the same server (for CREATE DATABASE). */
    Connection connectMaintenance() throws SQLException;

    /** For CREATE DATABASE and messages. */
    String databaseName();

    /** host:port/db, never a password. */
    String displayName();

    /** From the URL's ?schema=, default "public". */
    String defaultNamespace();
}

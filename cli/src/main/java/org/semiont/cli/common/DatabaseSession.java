package org.semiont.cli.common;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.semiont.server.db.DatabaseRuntime;

/**
 * One plain JDBC connection for an operator's verb ({@code db activity}, {@code db sql} …), under its own application
 * name ({@code semiont-…}, which {@code db terminate} does not count as the server's). Closing it also stops an
 * embedded PostgreSQL started for the verb.
 */
public final class DatabaseSession implements AutoCloseable {
    private final DatabaseRuntime runtime;
    private final Connection connection;

    private DatabaseSession(DatabaseRuntime runtime, Connection connection) {
        this.runtime = runtime;
        this.connection = connection;
    }

    public static DatabaseSession open(DatabaseOptions options, String purpose, String applicationName) {
        return open(options, purpose, applicationName, ExitCodes.FAILURE);
    }

    /** {@link #open}, exiting with {@code connectFailure} when the database refuses the connection. */
    public static DatabaseSession open(DatabaseOptions options, String purpose, String applicationName, int connectFailure) {
        DatabaseRuntime runtime = options.openRuntime(purpose);
        try {
            Properties p = runtime.target().jdbcProperties();
            p.setProperty("ApplicationName", applicationName);
            return new DatabaseSession(runtime, DriverManager.getConnection(runtime.target().jdbcUrl(), p));
        } catch (SQLException e) {
            runtime.close();
            throw new CliException(connectFailure, "cannot connect to " + runtime.description() + ": "
                    + Secrets.mask(e.getMessage()), e);
        }
    }

    public Connection connection() {
        return connection;
    }

    public DatabaseRuntime runtime() {
        return runtime;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // the session ends with the process anyway
        } finally {
            runtime.close();
        }
    }
}

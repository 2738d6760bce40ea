package org.semiont.cli.common;

import java.util.Optional;
import org.semiont.schema.SchemaDatabase;
import org.semiont.server.config.ConfigException;
import org.semiont.server.config.DatabaseSettings;
import org.semiont.server.config.DatabaseSource;
import org.semiont.server.config.Environment;
import org.semiont.server.datadir.DataDirLayout;
import org.semiont.server.db.DatabaseRuntime;
import org.semiont.server.db.TargetSchemaDatabase;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code --url} and {@code --data-dir} for verbs that need a database. Without {@code --url}: the
 * configured database (DATABASE_URL, DATABASE_SECRET, DATABASE_SECRET_FILE, DB_*), else the embedded
 * PostgreSQL of the data dir — the running server's, or one started for this command.
 */
public final class DatabaseOptions {
    @Option(names = "--url", paramLabel = "URL",
            description = "Database URL (postgresql://user:password@host:port/db?sslmode=…&schema=…); default: the configured database.")
    String url;

    @Mixin
    DataDirOptions dataDir;

    /** Opens the database for this command; close the result when done (stops what it started). */
    public DatabaseRuntime openRuntime(String purpose) {
        try {
            DatabaseSource source = DatabaseSettings.resolve(Environment.system(), Optional.ofNullable(url));
            return DatabaseRuntime.forCommand(source, new DataDirLayout(dataDir.dataDir()), purpose);
        } catch (ConfigException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage());
        }
    }

    /** The database as the schema engine sees it; closing it stops anything started for it. */
    public ClosableSchemaDatabase openSchemaDatabase() {
        DatabaseRuntime runtime = openRuntime("semiont db");
        return new ClosableSchemaDatabase(new TargetSchemaDatabase(runtime.target()), runtime);
    }

    public DataDirOptions dataDirOptions() {
        return dataDir;
    }

    /** A {@link SchemaDatabase} that also stops, on close, whatever was started to reach it. */
    public static final class ClosableSchemaDatabase implements SchemaDatabase, AutoCloseable {
        private final SchemaDatabase delegate;
        private final DatabaseRuntime runtime;

        ClosableSchemaDatabase(SchemaDatabase delegate, DatabaseRuntime runtime) {
            this.delegate = delegate;
            this.runtime = runtime;
        }

        @Override
        public java.sql.Connection connect() throws java.sql.SQLException {
            return delegate.connect();
        }

        @Override
        public java.sql.Connection connectMaintenance() throws java.sql.SQLException {
            return delegate.connectMaintenance();
        }

        @Override
        public String databaseName() {
            return delegate.databaseName();
        }

        @Override
        public String displayName() {
            return delegate.displayName();
        }

        @Override
        public String defaultNamespace() {
            return delegate.defaultNamespace();
        }

        /** Where the database is, for messages (e.g. "embedded PostgreSQL at …"). */
        public String description() {
            return runtime.description();
        }

        @Override
        public void close() {
            runtime.close();
        }
    }
}

package org.semiont.cli.common;

import java.nio.file.Path;
import java.util.Optional;
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
            // the embedded database lives in the data dir: a mistyped one must not get a new cluster
            Path dir = source instanceof DatabaseSource.Embedded ? dataDir.existingDataDir() : dataDir.dataDir();
            return DatabaseRuntime.forCommand(source, new DataDirLayout(dir), purpose);
        } catch (ConfigException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage());
        }
    }

    /** The database as the schema engine sees it; closing it stops anything started for it. */
    public TargetSchemaDatabase openSchemaDatabase() {
        DatabaseRuntime runtime = openRuntime("semiont db");
        return new TargetSchemaDatabase(runtime.target(), runtime::close);
    }

    public DataDirOptions dataDirOptions() {
        return dataDir;
    }
}

package org.semiont.cli.db;

import java.nio.file.Path;
import java.util.Optional;
import org.semiont.cli.common.DatabaseOptions;
import org.semiont.schema.migrate.MigrationsFolder;
import org.semiont.server.config.SchemaSettings;
import picocli.CommandLine.Option;

/** {@code --dir} of the migrate verbs (a picocli mixin). */
public final class MigrationsDirOption {
    @Option(names = "--dir", paramLabel = "DIR", description = "Migrations directory (default: $SEMIONT_MIGRATIONS_DIR, else"
            + " 'migrations' next to the schema file given by --schema or $SEMIONT_SCHEMA, else <data-dir>/migrations).")
    Path dir;

    /** The directory, resolved as 'semiont start' resolves it with SEMIONT_SCHEMA_SYNC=migrate. */
    MigrationsFolder folder(SchemaVerb schema, DatabaseOptions database) {
        Optional<Path> explicit = Optional.ofNullable(dir).or(() -> Optional.ofNullable(System.getenv(SchemaSettings.MIGRATIONS_VARIABLE))
                .filter(s -> !s.isBlank()).map(Path::of));
        return new MigrationsFolder(SchemaSettings.defaultMigrationsDir(explicit, Optional.ofNullable(schema.schemaFile()),
                database.dataDirOptions().dataDir()));
    }
}

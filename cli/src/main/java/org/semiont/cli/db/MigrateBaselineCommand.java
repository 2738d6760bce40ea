package org.semiont.cli.db;

import java.util.concurrent.Callable;
import org.semiont.cli.common.DatabaseOptions;
import org.semiont.cli.common.ExitCodes;
import org.semiont.schema.migrate.LocalMigration;
import org.semiont.schema.migrate.MigrationsFolder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code semiont migrate baseline}: start migrations on a database that already has the schema. */
@Command(name = "baseline", mixinStandardHelpOptions = true,
        description = {"For a database that already has the schema (made by 'db push' or a start): write the first",
                "migration, <dir>/<name>/migration.sql, creating the schema from nothing, and record it as applied",
                "without running it. Refused when migrations exist or the database differs from the schema.",
                "Exit codes: 0 done, 1 failure, 2 invalid schema, 5 not a database to baseline."})
public final class MigrateBaselineCommand implements Callable<Integer> {
    @Option(names = "--name", paramLabel = "NAME", defaultValue = "0_init", description = "Folder name (default: ${DEFAULT-VALUE}).")
    String name;

    @Mixin
    SchemaVerb schema;

    @Mixin
    MigrationsDirOption dir;

    @Mixin
    DatabaseOptions database;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        String folderName = MigrateDevCommand.sanitize(name);
        return schema.run(database, (source, db) -> {
            var engine = EngineFactory.engine(db);
            MigrationsFolder folder = dir.folder(schema, database);
            LocalMigration m = engine.migrator().baseline(folder, engine.target(source.name(), source.text()), folderName);
            var out = spec.commandLine().getOut();
            out.println("Wrote " + folder.path().resolve(m.name()) + "/migration.sql and recorded it as applied.");
            out.flush();
            return ExitCodes.OK;
        });
    }
}

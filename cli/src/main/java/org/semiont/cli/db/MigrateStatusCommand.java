package org.semiont.cli.db;

import java.util.List;
import java.util.concurrent.Callable;
import org.semiont.cli.common.DatabaseOptions;
import org.semiont.cli.common.ExitCodes;
import org.semiont.schema.migrate.MigrationStatus;
import org.semiont.schema.migrate.MigrationsFolder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code semiont migrate status}: the migrations directory against the history and the schema. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Compare the migrations directory with _prisma_migrations, and, when every migration is applied, the",
                "database's declared objects with the schema file. Changes nothing.",
                "Exit codes: 0 up to date, 5 pending or drifted (failed, changed or missing migrations, or the database",
                "differs from the schema), 1 failure, 2 invalid schema or migrations."})
public final class MigrateStatusCommand implements Callable<Integer> {
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
        return schema.run(database, (source, db) -> {
            var engine = EngineFactory.engine(db);
            MigrationsFolder folder = dir.folder(schema, database);
            MigrationStatus status = engine.migrator().status(folder.read());
            var out = spec.commandLine().getOut();
            out.println("Migrations: " + folder.path() + "; database: " + db.displayName());
            MigrateReport.status(out, status);
            if (!status.upToDate()) {
                out.flush();
                return DbExits.DRIFT;
            }
            List<String> differences = engine.migrator().declaredDifferences(engine.target(source.name(), source.text()));
            if (!differences.isEmpty()) {
                out.println("The database differs from " + source.name() + " (" + differences.size() + " changes needed);"
                        + " create a migration with 'semiont migrate dev --name NAME':");
                differences.forEach(d -> out.println("  - " + d));
                out.flush();
                return DbExits.DRIFT;
            }
            out.println("The database is up to date with the migrations and " + source.name() + ".");
            out.flush();
            return ExitCodes.OK;
        });
    }
}

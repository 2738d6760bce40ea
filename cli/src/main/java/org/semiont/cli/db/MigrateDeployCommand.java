package org.semiont.cli.db;

import java.util.concurrent.Callable;
import org.semiont.cli.common.DatabaseOptions;
import org.semiont.cli.common.ExitCodes;
import org.semiont.schema.migrate.DeployResult;
import org.semiont.schema.migrate.LocalMigration;
import org.semiont.schema.migrate.MigrationsFolder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code semiont migrate deploy}: apply the pending migrations. */
@Command(name = "deploy", mixinStandardHelpOptions = true,
        description = {"Apply the pending migrations in order, each in a transaction (statements that cannot run in one,",
                "such as CREATE INDEX CONCURRENTLY, run alone), under an advisory lock: processes deploying at once",
                "apply each migration once. Refused when an applied migration changed (checksum) or one failed.",
                "Exit codes: 0 up to date, 1 failure, 2 invalid migrations, 5 refused (changed or failed migrations)."})
public final class MigrateDeployCommand implements Callable<Integer> {
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
            MigrationsFolder folder = dir.folder(schema, database);
            java.util.List<LocalMigration> local = folder.read();
            DeployResult result = EngineFactory.engine(db).migrator().deploy(local);
            var out = spec.commandLine().getOut();
            if (!result.missingLocally().isEmpty()) {
                out.println("Applied but missing from " + folder.path() + ": " + String.join(", ", result.missingLocally()));
            }
            if (result.applied().isEmpty()) {
                out.println("No pending migrations: " + local.size() + " in " + folder.path() + ", all applied.");
            } else {
                out.println("Applied " + result.applied().size() + " migration(s) in " + result.took().toMillis() + " ms:");
                result.applied().forEach(n -> out.println("  - " + n));
            }
            out.flush();
            return ExitCodes.OK;
        });
    }
}

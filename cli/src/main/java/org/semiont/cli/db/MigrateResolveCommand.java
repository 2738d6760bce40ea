package org.semiont.cli.db;

import java.util.concurrent.Callable;
import org.semiont.cli.common.DatabaseOptions;
import org.semiont.cli.common.ExitCodes;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code semiont migrate resolve}: record a migration as applied, or a failed one as rolled back. */
@Command(name = "resolve", mixinStandardHelpOptions = true,
        description = {"Change the history without running SQL: --applied NAME records a migration as applied (a",
                "baseline, or one finished by hand); --rolled-back NAME marks a failed one as rolled back so deploy",
                "runs it again.",
                "Exit codes: 0 done, 1 failure, 2 usage or unknown migration, 5 not in a state to resolve."})
public final class MigrateResolveCommand implements Callable<Integer> {
    static final class Which {
        @Option(names = "--applied", paramLabel = "NAME", required = true, description = "Record NAME as applied.")
        String applied;

        @Option(names = "--rolled-back", paramLabel = "NAME", required = true, description = "Mark the failed NAME as rolled back.")
        String rolledBack;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Which which;

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
            var migrator = EngineFactory.engine(db).migrator();
            var out = spec.commandLine().getOut();
            if (which.applied != null) {
                migrator.resolveApplied(dir.folder(schema, database).read(), which.applied);
                out.println("Recorded migration " + which.applied + " as applied.");
            } else {
                migrator.resolveRolledBack(which.rolledBack);
                out.println("Marked migration " + which.rolledBack + " as rolled back; 'semiont migrate deploy' runs it again.");
            }
            out.flush();
            return ExitCodes.OK;
        });
    }
}

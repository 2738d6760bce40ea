package org.semiont.cli.db;

import java.util.Optional;
import java.util.concurrent.Callable;
import org.semiont.cli.common.DatabaseOptions;
import org.semiont.cli.common.ExitCodes;
import org.semiont.schema.migrate.RollbackResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code semiont migrate rollback}: run down.sql files, newest first, checked against the data as push is. */
@Command(name = "rollback", mixinStandardHelpOptions = true,
        description = {"Roll back the last applied migration, or with --to NAME every one applied after NAME, running",
                "their down.sql newest first and marking them rolled back in _prisma_migrations. The change is checked",
                "against the live data as 'db push' checks it.",
                "Exit codes: 0 done or nothing to roll back, 1 failure, 2 usage or no down.sql, 3 data-loss warnings",
                "(pass --accept-data-loss), 4 unexecutable, 5 history not clean."})
public final class MigrateRollbackCommand implements Callable<Integer> {
    @Option(names = "--to", paramLabel = "NAME", description = "Keep NAME applied; roll back every migration after it.")
    String to;

    @Option(names = "--accept-data-loss", description = "Roll back even if data-loss warnings are reported.")
    boolean acceptDataLoss;

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
            var namespaces = engine.target(source.name(), source.text()).sql().namespaces();
            RollbackResult result = engine.migrator().rollback(dir.folder(schema, database).read(), Optional.ofNullable(to),
                    acceptDataLoss, namespaces);
            var out = spec.commandLine().getOut();
            try {
                return report(out, result);
            } finally {
                out.flush();
            }
        });
    }

    private int report(java.io.PrintWriter out, RollbackResult result) {
        if (result.migrations().isEmpty()) {
            out.println("Nothing to roll back: no migration applied" + (to == null ? "." : " after " + to + "."));
            return ExitCodes.OK;
        }
        out.println((result.applied() ? "Rolled back" : "Would roll back") + " (newest first): " + String.join(", ", result.migrations()));
        result.changes().forEach(c -> out.println("  - " + c));
        MigrateReport.findings(out, "We found changes that cannot be executed:", result.unexecutable());
        MigrateReport.findings(out, result.applied() ? "Rolled back despite these data-loss warnings:"
                : "There might be data loss when rolling back:", result.warnings());
        if (!result.unexecutable().isEmpty()) {
            out.println("Nothing was rolled back.");
            return DbExits.UNEXECUTABLE;
        }
        if (!result.applied()) {
            out.println("Nothing was rolled back. To roll back anyway: semiont migrate rollback --accept-data-loss"
                    + (to == null ? "" : " --to " + to));
            return DbExits.DATA_LOSS;
        }
        return ExitCodes.OK;
    }
}

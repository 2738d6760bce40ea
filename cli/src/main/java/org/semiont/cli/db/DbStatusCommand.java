package org.semiont.cli.db;

import java.util.concurrent.Callable;
import org.semiont.cli.common.DatabaseOptions;
import org.semiont.cli.common.ExitCodes;
import org.semiont.schema.DiffResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code semiont db status}: is the database in sync with the schema? Lists what differs. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Compare the database with the schema file and list what differs. Changes nothing.",
                "Lists objects the schema does not declare (foreign objects) apart.",
                "Exit codes: 0 in sync, 5 drift, 1 failure, 2 invalid schema or usage."})
public final class DbStatusCommand implements Callable<Integer> {
    @Mixin
    SchemaVerb schema;

    @Mixin
    DatabaseOptions database;

    @picocli.CommandLine.Option(names = "--declared-only", description = "Only what the schema declares counts as drift;"
            + " objects it does not declare are listed, not counted (what 'semiont start' enforces).")
    boolean declaredOnly;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        return schema.run(database, (source, db) -> {
            var engine = EngineFactory.engine(db);
            DiffResult diff = engine.diff(engine.target(source.name(), source.text()).sql(), true);
            var out = spec.commandLine().getOut();
            if (!diff.foreignObjects().isEmpty()) {
                out.println("Foreign objects (not declared by " + source.name() + "; 'semiont start' leaves them alone,"
                        + " 'semiont db push' without --declared-only drops them):");
                diff.foreignObjects().forEach(f -> out.println("  - " + f.describe()));
            }
            boolean foreignDrift = !declaredOnly && !diff.foreignObjects().isEmpty();
            if (diff.inSync() && foreignDrift) {
                out.println("The declared objects of " + db.displayName() + " are in sync with " + source.name()
                        + "; the foreign objects above are drift for 'db push' (--declared-only ignores them).");
                out.flush();
                return DbExits.DRIFT;
            }
            if (diff.inSync()) {
                out.println("The database " + db.displayName() + " is in sync with " + source.name() + ".");
                out.flush();
                return ExitCodes.OK;
            }
            out.println("The database " + db.displayName() + " differs from " + source.name() + " ("
                    + diff.differences().size() + " changes needed):");
            diff.differences().forEach(d -> out.println("  - " + d));
            out.println("Run 'semiont db push' to apply them, or 'semiont db diff' to see the SQL.");
            out.flush();
            return DbExits.DRIFT;
        });
    }
}

package org.semiont.cli.db;

import java.util.concurrent.Callable;
import org.semiont.cli.common.DatabaseOptions;
import org.semiont.cli.common.ExitCodes;
import org.semiont.cli.common.Secrets;
import org.semiont.schema.PushOptions;
import org.semiont.schema.PushResult;
import org.semiont.schema.SchemaEngine;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code semiont db push}: bring the database to the schema, refusing data loss unless accepted. */
@Command(name = "push", mixinStandardHelpOptions = true,
        description = {"Bring the database in line with the schema file.",
                "Safe changes are applied in one transaction; data-loss warnings need --accept-data-loss, unexecutable",
                "changes need a schema change or --force-reset.",
                "Creates the database if it does not exist.",
                "Exit codes: 0 in sync, 1 failure, 2 invalid schema or usage, 3 data-loss warnings, 4 unexecutable."})
public final class DbPushCommand implements Callable<Integer> {
    @Mixin
    SchemaVerb schema;

    @Option(names = "--accept-data-loss", description = "Apply even if data-loss warnings are reported.")
    boolean acceptDataLoss;

    @Option(names = "--force-reset", description = "Drop and recreate the schema's namespaces first (ALL data in them is lost).")
    boolean forceReset;

    @Option(names = "--declared-only", description = "Create and alter only what the schema declares; leave other tables,"
            + " columns, indexes and enums alone (what 'semiont start' does).")
    boolean declaredOnly;

    @Option(names = "--json", description = "Print one JSON object: applied, statements, warnings, unexecutable.")
    boolean json;

    @Mixin
    DatabaseOptions database;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        return schema.run(database, (source, db) -> {
            SchemaEngine engine = EngineFactory.engine(db);
            PushResult result = engine.push(source.name(), source.text(), new PushOptions(acceptDataLoss, forceReset, declaredOnly));
            print(result);
            return exitCode(result);
        });
    }

    private void print(PushResult result) {
        var out = spec.commandLine().getOut();
        if (json) {
            out.println(PushJson.json(result));
        } else {
            PushReport.human(out, result, proceedCommand());
        }
        out.flush();
    }

    static int exitCode(PushResult result) {
        if (!result.unexecutable().isEmpty()) {
            return DbExits.UNEXECUTABLE;
        }
        if (!result.inSync()) {
            return DbExits.DATA_LOSS;
        }
        return ExitCodes.OK;
    }

    private String proceedCommand() {
        StringBuilder cmd = new StringBuilder("semiont db push --accept-data-loss");
        for (CommandLine.Model.OptionSpec option : spec.commandLine().getParseResult().matchedOptions()) {
            String name = option.longestName();
            if (name.equals("--accept-data-loss") || name.equals("--json")) {
                continue;
            }
            cmd.append(' ').append(name);
            if (option.arity().max() > 0) {
                option.originalStringValues().forEach(v -> cmd.append(' ').append(v.contains(" ") ? "'" + v + "'" : v));
            }
        }
        return Secrets.mask(cmd.toString());
    }
}

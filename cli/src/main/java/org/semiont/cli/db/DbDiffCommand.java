package org.semiont.cli.db;

import java.util.concurrent.Callable;
import org.semiont.cli.common.DatabaseOptions;
import org.semiont.cli.common.ExitCodes;
import org.semiont.schema.DiffResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code semiont db diff}: the SQL a push would run. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Print the SQL a push would run (without the data checks). Changes nothing.",
                "Exit codes: 0 done, 1 failure, 2 invalid schema or usage."})
public final class DbDiffCommand implements Callable<Integer> {
    @Mixin
    SchemaVerb schema;

    @Mixin
    DatabaseOptions database;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        return schema.run(database, (source, db) -> {
            DiffResult diff = EngineFactory.engine(db).diff(source.name(), source.text());
            var out = spec.commandLine().getOut();
            if (diff.inSync()) {
                out.println("-- The database is in sync with the schema: nothing to do.");
            }
            diff.statements().forEach(sql -> out.println(sql + ";" + System.lineSeparator()));
            out.flush();
            return ExitCodes.OK;
        });
    }
}

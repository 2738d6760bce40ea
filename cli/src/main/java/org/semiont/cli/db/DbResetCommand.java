package org.semiont.cli.db;

import java.util.concurrent.Callable;
import org.semiont.cli.common.CliException;
import org.semiont.cli.common.DatabaseOptions;
import org.semiont.cli.common.ExitCodes;
import org.semiont.schema.PushResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code semiont db reset --force}: drop and recreate the schema namespaces, then push (development only). */
@Command(name = "reset", mixinStandardHelpOptions = true,
        description = {"Drop and recreate the schema's namespaces, then push the schema (requires --force).",
                "ALL tables, data, views and functions in those namespaces (default: public) are lost.",
                "Exit codes: 0 done, 1 failure, 2 invalid schema or usage."})
public final class DbResetCommand implements Callable<Integer> {
    @Mixin
    SchemaVerb schema;

    @Option(names = "--force", description = "Confirm that all data in the schema's namespaces may be deleted.")
    boolean force;

    @Mixin
    DatabaseOptions database;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (!force) {
            throw new CliException(ExitCodes.USAGE, "db reset deletes all data in the schema's namespaces;"
                    + " run 'semiont db reset --force' to confirm.");
        }
        return schema.run(database, (source, db) -> {
            PushResult result = EngineFactory.engine(db).reset(source.name(), source.text());
            var out = spec.commandLine().getOut();
            out.println("The database " + db.displayName() + " was reset and is now in sync with " + source.name()
                    + ". Done in " + result.took().toMillis() + " ms.");
            out.flush();
            return ExitCodes.OK;
        });
    }
}

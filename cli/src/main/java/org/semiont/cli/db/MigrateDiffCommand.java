package org.semiont.cli.db;

import java.util.concurrent.Callable;
import org.semiont.cli.common.DatabaseOptions;
import org.semiont.cli.common.ExitCodes;
import org.semiont.schema.migrate.MigrationDraft;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code semiont migrate diff}: print the SQL the next migration would hold. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Print the SQL of the next migration (what 'migrate dev' would write as migration.sql), or with",
                "--down its down.sql. Uses a temporary shadow database; writes and applies nothing.",
                "Exit codes: 0 done, 1 failure, 2 invalid schema or migrations."})
public final class MigrateDiffCommand implements Callable<Integer> {
    @Option(names = "--down", description = "Print the down.sql instead.")
    boolean down;

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
            MigrationDraft draft = engine.migrator().draft(dir.folder(schema, database).read(),
                    engine.target(source.name(), source.text()));
            var out = spec.commandLine().getOut();
            out.print(down ? draft.down() : draft.up());
            out.flush();
            return ExitCodes.OK;
        });
    }
}

package org.semiont.cli.db;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import org.semiont.cli.common.CliException;
import org.semiont.cli.common.DatabaseOptions;
import org.semiont.cli.common.ExitCodes;
import org.semiont.schema.migrate.LocalMigration;
import org.semiont.schema.migrate.MigrationDraft;
import org.semiont.schema.migrate.MigrationsFolder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code semiont migrate dev}: write the next migration (and its down.sql) from the schema file. */
@Command(name = "dev", mixinStandardHelpOptions = true,
        description = {"Write the next migration: the existing migrations are replayed in a temporary shadow database on the",
                "same server (the role needs CREATEDB), which is compared with the schema file. Writes",
                "<dir>/<UTC timestamp>_<name>/migration.sql and down.sql and prints the data-loss warnings the change",
                "carries. Applies nothing: 'semiont migrate deploy' does.",
                "Exit codes: 0 written or nothing to do, 1 failure, 2 invalid schema, name or migrations."})
public final class MigrateDevCommand implements Callable<Integer> {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "What the migration does (letters, digits, _).")
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
        String folderName = STAMP.format(ZonedDateTime.now(ZoneOffset.UTC)) + "_" + sanitize(name);
        return schema.run(database, (source, db) -> {
            var engine = EngineFactory.engine(db);
            MigrationsFolder folder = dir.folder(schema, database);
            MigrationDraft draft = engine.migrator().draft(folder.read(), engine.target(source.name(), source.text()));
            var out = spec.commandLine().getOut();
            if (draft.isEmpty()) {
                out.println("No changes: the migrations in " + folder.path() + " already produce " + source.name() + ".");
                out.flush();
                return ExitCodes.OK;
            }
            LocalMigration written = folder.write(folderName, draft.up(), draft.down());
            MigrateReport.draft(out, draft);
            out.println("Wrote " + folder.path().resolve(written.name()) + "/{migration.sql,down.sql}."
                    + " Review them, then run 'semiont migrate deploy'.");
            out.flush();
            return ExitCodes.OK;
        });
    }

    static String sanitize(String name) {
        String clean = name.trim().replaceAll("[^A-Za-z0-9_]+", "_").replaceAll("^_+|_+$", "");
        if (clean.isEmpty()) {
            throw new CliException(ExitCodes.USAGE, "--name must contain letters or digits, got \"" + name + "\".");
        }
        return clean.length() > 200 ? clean.substring(0, 200) : clean;
    }
}

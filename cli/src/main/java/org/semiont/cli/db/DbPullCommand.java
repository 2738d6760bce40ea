package org.semiont.cli.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.semiont.cli.common.CliException;
import org.semiont.cli.common.DatabaseOptions;
import org.semiont.cli.common.ExitCodes;
import org.semiont.schema.SchemaException;
import org.semiont.schema.pull.PullResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code semiont db pull}: write the live database as a schema file. */
@Command(name = "pull", mixinStandardHelpOptions = true,
        description = {"Read the database and write it as a schema file.",
                "An existing file keeps its model and field names, @map/@@map, Prisma-level defaults (cuid(), uuid(),",
                "…) and @updatedAt.",
                "Exit codes: 0 done, 1 failure, 2 invalid schema or usage."})
public final class DbPullCommand implements Callable<Integer> {
    @Option(names = "--schema", paramLabel = "FILE", defaultValue = "schema.prisma",
            description = "Schema file to update (default: ${DEFAULT-VALUE} in the current directory).")
    Path schema;

    @Option(names = "--print", description = "Write the schema to stdout instead of updating the file.")
    boolean print;

    @Mixin
    DatabaseOptions database;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Optional<String> existing = Files.exists(schema) ? Optional.of(SchemaSource.read(schema).text()) : Optional.empty();
        PullResult result;
        try (var db = database.openSchemaDatabase()) {
            result = EngineFactory.engine(db).pull(existing);
        } catch (SchemaException e) {
            throw DbExits.toCli(e);
        }
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        result.warnings().forEach(w -> err.println("warning: " + w));
        if (print) {
            out.print(result.psl());
        } else {
            write(result.psl());
            out.println((existing.isPresent() ? "Updated " : "Wrote ") + schema + " from the database.");
        }
        out.flush();
        err.flush();
        return ExitCodes.OK;
    }

    private void write(String psl) {
        try {
            Path tmp = Files.createTempFile(schema.toAbsolutePath().getParent(), ".schema", ".prisma.tmp");
            Files.writeString(tmp, psl, StandardCharsets.UTF_8);
            Files.move(tmp, schema, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new CliException(ExitCodes.FAILURE, "Cannot write " + schema + ": " + e.getMessage()
                    + " Use --print to write the schema to stdout instead.");
        }
    }
}

package org.semiont.cli.db;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.Callable;
import org.semiont.cli.common.CliException;
import org.semiont.cli.common.DatabaseOptions;
import org.semiont.cli.common.DatabaseSession;
import org.semiont.cli.common.ExitCodes;
import org.semiont.ops.sql.SqlShell;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code semiont db sql} (also {@code semiont psql}): an SQL shell on the configured or embedded database. */
@Command(name = "sql", mixinStandardHelpOptions = true,
        description = {"An SQL shell on the configured (or embedded) database: line editing and history, \\dt, \\d TABLE,",
                "\\x, \\timing, \\q. Read-only unless --write. With -c or -f (or input that is not a terminal) it runs",
                "the statements and stops at the first error.",
                "Exit codes (as psql's): 0 done, 1 fatal (e.g. file not found), 2 no connection (or lost) or usage,",
                "3 a statement of the script failed."})
public class DbSqlCommand implements Callable<Integer> {
    static final int SCRIPT_ERROR = 3;
    static final int CONNECTION_LOST = 2;
    /** Not Semiont's own for 'db terminate': a shell left open in a transaction is what an operator ends. */
    static final String APPLICATION = "semiont-sql";

    @Option(names = {"-c", "--command"}, paramLabel = "SQL", description = "Run these statements (repeatable) and exit.")
    List<String> commands = List.of();

    @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "Run the statements in FILE ('-' = standard input) and exit.")
    Path file;

    @Option(names = "--write", description = "Allow writes (default: every transaction is read-only).")
    boolean write;

    @Mixin
    DatabaseOptions database;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws SQLException, IOException {
        if (!commands.isEmpty() && file != null) {
            throw new CliException(ExitCodes.USAGE, "give -c or -f, not both");
        }
        String script = script();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (DatabaseSession db = DatabaseSession.open(database, "semiont db sql", APPLICATION, ExitCodes.USAGE)) {
            guard(db, err);
            if (script == null && System.console() == null) {
                script = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (script == null) {
                return new SqlPrompt(db, write).run();
            }
            SqlShell.Status status = new SqlShell(db.connection(), out, err).runScript(script);
            return exitCode(status);
        }
    }

    /** psql's: 3 for a failed statement of a script, 2 when the connection went bad. */
    static int exitCode(SqlShell.Status status) {
        return switch (status) {
            case ERROR -> SCRIPT_ERROR;
            case CONNECTION_LOST -> CONNECTION_LOST;
            default -> ExitCodes.OK;
        };
    }

    private String script() throws IOException {
        if (!commands.isEmpty()) {
            return String.join("\n", commands.stream().map(DbSqlCommand::terminated).toList());
        }
        if (file == null) {
            return null;
        }
        if (file.toString().equals("-")) {
            return new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new CliException(ExitCodes.FAILURE, file + ": no such file");
        }
    }

    /** Each -c stands alone: a statement ends with it even without its ; (a backslash command has none). */
    private static String terminated(String command) {
        String c = command.strip();
        return c.endsWith(";") || c.startsWith("\\") ? c : c + ";";
    }

    private void guard(DatabaseSession db, PrintWriter err) throws SQLException {
        if (write) {
            err.println("warning: writes allowed. The projection tables are derived from the event log: "
                    + "'semiont projections rebuild' overwrites what you change in them.");
            err.flush();
            return;
        }
        try (Statement s = db.connection().createStatement()) {
            s.execute("SET default_transaction_read_only = on");
        }
    }
}

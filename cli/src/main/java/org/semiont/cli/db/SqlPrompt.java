package org.semiont.cli.db;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.semiont.cli.common.DatabaseSession;
import org.semiont.cli.common.ExitCodes;
import org.semiont.ops.sql.Item;
import org.semiont.ops.sql.ScriptReader;
import org.semiont.ops.sql.SqlShell;

/** The interactive side of {@code db sql}: JLine's line editing and history around an {@link SqlShell}. */
final class SqlPrompt {
    private static final Path HISTORY = Path.of(System.getProperty("user.home"), ".semiont_sql_history");
    private final DatabaseSession db;
    private final boolean write;

    SqlPrompt(DatabaseSession db, boolean write) {
        this.db = db;
        this.write = write;
    }

    int run() throws java.io.IOException {
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            LineReader reader = LineReaderBuilder.builder().terminal(terminal).appName("semiont")
                    .variable(LineReader.HISTORY_FILE, HISTORY)
                    .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                    .build();
            PrintWriter out = terminal.writer();
            out.println("semiont db sql on " + db.runtime().description() + (write ? " (writes allowed)" : " (read-only; --write to change data)"));
            out.println("Type \\? for help, \\q to quit.");
            SqlShell shell = new SqlShell(db.connection(), out, out);
            ScriptReader input = new ScriptReader();
            while (true) {
                String line;
                try {
                    line = reader.readLine(input.pending() ? "semiont-> " : "semiont=> ");
                } catch (UserInterruptException e) {
                    input.reset();
                    continue;
                } catch (EndOfFileException e) {
                    return ExitCodes.OK;
                }
                for (Item item : input.feed(line)) {
                    SqlShell.Status status = shell.handle(item);
                    if (status == SqlShell.Status.QUIT) {
                        return ExitCodes.OK;
                    }
                    if (status == SqlShell.Status.CONNECTION_LOST) {
                        out.println("The connection to the database is gone; start 'semiont db sql' again.");
                        out.flush();
                        return DbSqlCommand.CONNECTION_LOST;
                    }
                }
            }
        }
    }
}

package org.semiont.cli.db;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Callable;
import org.semiont.cli.common.DatabaseOptions;
import org.semiont.cli.common.DatabaseSession;
import org.semiont.cli.common.ExitCodes;
import org.semiont.ops.sessions.SessionReader;
import org.semiont.ops.sessions.SessionsView;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code semiont db locks}: who blocks whom, as a tree. */
@Command(name = "locks", mixinStandardHelpOptions = true,
        description = {"Show who blocks whom: each blocking session with the sessions waiting for it below it,",
                "and the lock each one waits for. Ending the root ('semiont db terminate PID') frees the branch.",
                "Exit codes: 0 shown, 1 failure, 2 usage."})
public final class DbLocksCommand implements Callable<Integer> {
    @Mixin
    DatabaseOptions database;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws SQLException {
        try (DatabaseSession db = DatabaseSession.open(database, "semiont db locks", SessionVerbs.APPLICATION)) {
            SessionReader reader = new SessionReader(db.connection());
            List<String> tree = SessionsView.lockTree(reader.sessions(true), reader.waits());
            var out = spec.commandLine().getOut();
            if (tree.isEmpty()) {
                out.println("No session waits for a lock held by another.");
            }
            tree.forEach(out::println);
            out.flush();
            return ExitCodes.OK;
        }
    }
}

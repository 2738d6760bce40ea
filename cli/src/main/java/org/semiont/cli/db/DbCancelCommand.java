package org.semiont.cli.db;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Callable;
import org.semiont.cli.common.DatabaseOptions;
import org.semiont.ops.sessions.Selection;
import org.semiont.ops.sessions.Signal;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code semiont db cancel PID…}: cancels the running statement of sessions; they stay connected. */
@Command(name = "cancel", mixinStandardHelpOptions = true,
        description = {"Cancel the running statement of each session named (pg_cancel_backend); the sessions stay",
                "connected. Semiont's own sessions only with --include-semiont.",
                "Exit codes: 0 all cancelled, 1 a session could not be cancelled, 2 usage."})
public final class DbCancelCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "PID", description = "Session pids, as 'semiont db activity' lists them.")
    List<Integer> pids;

    @Option(names = "--include-semiont", description = "Allow the pids named to be Semiont's own sessions.")
    boolean includeSemiont;

    @Mixin
    DatabaseOptions database;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws SQLException {
        return SessionVerbs.run(database, new SessionVerbs.Request(Signal.CANCEL, new Selection.ByPid(pids, includeSemiont),
                false, true), spec.commandLine().getOut());
    }
}

package org.semiont.cli.db;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.semiont.cli.common.CliException;
import org.semiont.cli.common.DatabaseOptions;
import org.semiont.cli.common.ExitCodes;
import org.semiont.ops.sessions.Selection;
import org.semiont.ops.sessions.Signal;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code semiont db terminate PID… | --older-than D}: ends sessions, rolling back their open transactions. */
@Command(name = "terminate", mixinStandardHelpOptions = true,
        description = {"End sessions (pg_terminate_backend), rolling back what they had not committed: the pids named,",
                "or every session whose statement (active) or transaction (idle in transaction) is older than",
                "--older-than. Lists them and asks first unless --yes. Semiont's own sessions are never chosen by",
                "--older-than, and by pid only with --include-semiont.",
                "Exit codes: 0 all ended, 1 a session could not be ended, 2 usage (or no terminal and no --yes)."})
public final class DbTerminateCommand implements Callable<Integer> {
    @Parameters(arity = "0..*", paramLabel = "PID", description = "Session pids, as 'semiont db activity' lists them.")
    List<Integer> pids = List.of();

    @Option(names = "--older-than", paramLabel = "DURATION", description = "Every session busy longer than this, e.g. 5m.")
    String olderThan;

    @Option(names = "--state", paramLabel = "STATE", description = "With --older-than: only active or idle-in-transaction sessions.")
    String state;

    @Option(names = "--dry-run", description = "Only list what would be ended.")
    boolean dryRun;

    @Option(names = {"-y", "--yes"}, description = "Do not ask.")
    boolean yes;

    @Option(names = "--include-semiont", description = "Allow the pids named to be Semiont's own sessions.")
    boolean includeSemiont;

    @Mixin
    DatabaseOptions database;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws SQLException {
        return SessionVerbs.run(database, new SessionVerbs.Request(Signal.TERMINATE, selection(), dryRun, yes),
                spec.commandLine().getOut());
    }

    private Selection selection() {
        if (pids.isEmpty() == (olderThan == null)) {
            throw new CliException(ExitCodes.USAGE, "name the sessions to end: PID… or --older-than DURATION (not both)");
        }
        if (olderThan == null) {
            if (state != null) {
                throw new CliException(ExitCodes.USAGE, "--state goes with --older-than");
            }
            return new Selection.ByPid(pids, includeSemiont);
        }
        if (includeSemiont) {
            throw new CliException(ExitCodes.USAGE, "--include-semiont needs the sessions named by pid, not --older-than");
        }
        return new Selection.OlderThan(SessionVerbs.duration(olderThan, "--older-than"), Optional.ofNullable(state).map(DbTerminateCommand::state));
    }

    private static Selection.State state(String text) {
        return switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "active" -> Selection.State.ACTIVE;
            case "idle-in-transaction", "idle_in_transaction", "idle in transaction" -> Selection.State.IDLE_IN_TRANSACTION;
            default -> throw new CliException(ExitCodes.USAGE, "--state must be active or idle-in-transaction; got \"" + text + "\"");
        };
    }
}

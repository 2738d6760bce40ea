package org.semiont.cli.db;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.semiont.cli.common.DatabaseOptions;
import org.semiont.cli.common.DatabaseSession;
import org.semiont.cli.common.ExitCodes;
import org.semiont.ops.sessions.LockTree;
import org.semiont.ops.sessions.LockWait;
import org.semiont.ops.sessions.Session;
import org.semiont.ops.sessions.SessionReader;
import org.semiont.ops.sessions.SessionsView;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code semiont db locks}: who blocks whom, as a tree. */
@Command(name = "locks", mixinStandardHelpOptions = true,
        description = {"Show who blocks whom: each blocking session with the sessions waiting for it below it,",
                "and the lock each one waits for. Ending the root ('semiont db terminate PID') frees the branch.",
                "--json prints the same trees: an array of the blocking sessions, each with its 'waiting' sessions.",
                "Exit codes: 0 shown, 1 failure, 2 usage."})
public final class DbLocksCommand implements Callable<Integer> {
    @Mixin
    DatabaseOptions database;

    @Option(names = "--json", description = "Print a JSON array of the blocking sessions: each with the fields of 'db activity"
            + " --json', 'waitsFor' (the lock it waits for, or null) and 'waiting' (the sessions it blocks, the same way).")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws SQLException {
        try (DatabaseSession db = DatabaseSession.open(database, "semiont db locks", SessionVerbs.APPLICATION)) {
            SessionReader reader = new SessionReader(db.connection());
            List<Session> sessions = reader.sessions(true);
            List<LockWait> waits = reader.waits();
            var out = spec.commandLine().getOut();
            if (json) {
                ArrayNode roots = JsonNodeFactory.instance.arrayNode();
                LockTree.of(sessions).roots().forEach(root -> put(roots.addObject(), root, waits));
                out.println(roots);
                out.flush();
                return ExitCodes.OK;
            }
            List<String> tree = SessionsView.lockTree(sessions, waits);
            if (tree.isEmpty()) {
                out.println("No session waits for a lock held by another.");
            }
            tree.forEach(out::println);
            out.flush();
            return ExitCodes.OK;
        }
    }

    private static void put(ObjectNode o, LockTree.Node node, List<LockWait> waits) {
        DbActivityCommand.put(o, node.session());
        Optional<LockWait> wait = waits.stream().filter(w -> w.pid() == node.session().pid()).findFirst();
        if (wait.isPresent()) {
            o.putObject("waitsFor").put("mode", wait.get().mode()).put("lockType", wait.get().lockType())
                    .put("relation", wait.get().relation().orElse(null));
        } else {
            o.putNull("waitsFor");
        }
        ArrayNode waiting = o.putArray("waiting");
        node.children().forEach(child -> put(waiting.addObject(), child, waits));
    }
}

package org.semiont.cli.db;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.semiont.cli.common.DatabaseOptions;
import org.semiont.cli.common.DatabaseSession;
import org.semiont.cli.common.ExitCodes;
import org.semiont.ops.sessions.ActivityFilter;
import org.semiont.ops.sessions.Session;
import org.semiont.ops.sessions.SessionReader;
import org.semiont.ops.sessions.SessionsView;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code semiont db activity}: the database's sessions, what they run and for how long. */
@Command(name = "activity", mixinStandardHelpOptions = true,
        description = {"List the sessions of the configured (or embedded) database: pid, user, application, client,",
                "state, wait event, query and transaction age, blocked-by and the query. Without --all only sessions",
                "that are not idle, in this database. Exit codes: 0 listed, 1 failure, 2 usage."})
public final class DbActivityCommand implements Callable<Integer> {
    @Option(names = "--all", description = "Also idle sessions, and sessions of other databases on the same server.")
    boolean all;

    @Option(names = "--min-duration", paramLabel = "DURATION",
            description = "Only sessions whose statement (active) or transaction (idle in transaction) runs this long, e.g. 5s.")
    String minDuration;

    @Option(names = "--json", description = "Print a JSON array, one object per session.")
    boolean json;

    @Mixin
    DatabaseOptions database;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws SQLException {
        Optional<Duration> min = Optional.ofNullable(minDuration).map(d -> SessionVerbs.duration(d, "--min-duration"));
        try (DatabaseSession db = DatabaseSession.open(database, "semiont db activity", SessionVerbs.APPLICATION)) {
            List<Session> sessions = new ActivityFilter(all, min).apply(new SessionReader(db.connection()).sessions(all));
            var out = spec.commandLine().getOut();
            if (json) {
                out.println(toJson(sessions));
            } else {
                SessionsView.activity(sessions).forEach(out::println);
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    static String toJson(List<Session> sessions) {
        ObjectMapper mapper = new ObjectMapper();
        ArrayNode array = mapper.createArrayNode();
        for (Session s : sessions) {
            put(array.addObject(), s);
        }
        return array.toString();
    }

    /** One session's fields, as {@code db activity --json} and {@code db locks --json} print them. */
    static ObjectNode put(ObjectNode o, Session s) {
        o.put("pid", s.pid());
        o.put("database", s.database());
        o.put("user", s.user());
        o.put("application", s.application());
        o.put("client", s.client());
        o.put("state", s.state());
        o.put("waitEvent", s.waitEvent().isEmpty() ? null : s.waitEvent());
        o.put("queryAgeSeconds", s.queryAge().map(d -> d.toMillis() / 1000.0).orElse(null));
        o.put("transactionAgeSeconds", s.transactionAge().map(d -> d.toMillis() / 1000.0).orElse(null));
        ArrayNode blockedBy = o.putArray("blockedBy");
        s.blockedBy().forEach(blockedBy::add);
        o.put("query", s.query());
        o.put("semiont", s.isSemiont());
        return o;
    }
}

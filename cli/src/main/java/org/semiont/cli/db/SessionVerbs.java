package org.semiont.cli.db;

import java.io.Console;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.semiont.cli.common.CliException;
import org.semiont.cli.common.DatabaseOptions;
import org.semiont.cli.common.DatabaseSession;
import org.semiont.cli.common.ExitCodes;
import org.semiont.server.config.ConfigException;
import org.semiont.server.config.Durations;
import org.semiont.ops.sessions.Selection;
import org.semiont.ops.sessions.Session;
import org.semiont.ops.sessions.SessionReader;
import org.semiont.ops.sessions.SessionSignaller;
import org.semiont.ops.sessions.SessionsView;
import org.semiont.ops.sessions.Signal;
import org.semiont.ops.sessions.SignalPlan;

/** What {@code db cancel} and {@code db terminate} share: plan, show, confirm, signal, report, exit code. */
final class SessionVerbs {
    /** The application name of these verbs' own connection: not Semiont's server, and never a target (own pid). */
    static final String APPLICATION = "semiont-cli";

    private SessionVerbs() {
    }

    static Duration duration(String text, String option) {
        try {
            return Durations.parse(text, option);
        } catch (ConfigException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage());
        }
    }

    record Request(Signal signal, Selection selection, boolean dryRun, boolean yes) {
    }

    static int run(DatabaseOptions database, Request request, PrintWriter out) throws SQLException {
        try (DatabaseSession db = DatabaseSession.open(database, "semiont db " + verb(request.signal()), APPLICATION)) {
            List<Session> sessions = new SessionReader(db.connection()).sessions(request.selection() instanceof Selection.ByPid);
            SignalPlan plan = SignalPlan.of(sessions, request.selection());
            plan.refusals().forEach(r -> out.println("Not " + request.signal().pastTense() + ": " + r.pid() + ": " + r.reason()));
            if (plan.targets().isEmpty()) {
                if (plan.refusals().isEmpty()) {
                    out.println("No session to " + verb(request.signal()) + ".");
                }
                out.flush();
                return plan.refusals().isEmpty() ? ExitCodes.OK : ExitCodes.FAILURE;
            }
            out.println((request.dryRun() ? "Would " : "About to ") + verb(request.signal()) + " "
                    + count(plan.targets().size()) + ":");
            SessionsView.activity(plan.targets()).forEach(l -> out.println("  " + l));
            out.flush();
            if (request.dryRun()) {
                return plan.refusals().isEmpty() ? ExitCodes.OK : ExitCodes.FAILURE;
            }
            if (!request.yes() && !confirmed(request.signal())) {
                out.println("Nothing done.");
                out.flush();
                return ExitCodes.CANCELLED;
            }
            boolean allOk = report(new SessionSignaller(db.connection()).send(request.signal(), plan.targets()), request.signal(), out);
            return allOk && plan.refusals().isEmpty() ? ExitCodes.OK : ExitCodes.FAILURE;
        }
    }

    private static boolean confirmed(Signal signal) {
        Console console = System.console();
        if (console == null) {
            throw new CliException(ExitCodes.USAGE, "not asking for confirmation without a terminal: add --yes to "
                    + verb(signal) + " these sessions (or --dry-run to only list them)");
        }
        String answer = console.readLine("%s them? [y/N] ", capitalized(verb(signal)));
        return answer != null && (answer.trim().equalsIgnoreCase("y") || answer.trim().equalsIgnoreCase("yes"));
    }

    private static boolean report(List<SessionSignaller.Outcome> outcomes, Signal signal, PrintWriter out) {
        boolean allOk = true;
        for (SessionSignaller.Outcome o : outcomes) {
            Session s = o.session();
            String who = s.pid() + " (" + s.user() + ", " + (s.application().isEmpty() ? "no application name" : s.application())
                    + ", " + SessionsView.shorten(s.query(), 50) + ")";
            if (o.ok()) {
                out.println(capitalized(signal.pastTense()) + " " + who);
            } else {
                allOk = false;
                out.println("Could not " + verb(signal) + " " + who + ": " + o.error().orElseThrow());
            }
        }
        out.flush();
        return allOk;
    }

    private static String verb(Signal signal) {
        return signal == Signal.CANCEL ? "cancel" : "terminate";
    }

    private static String count(int n) {
        return n + (n == 1 ? " session" : " sessions");
    }

    private static String capitalized(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}

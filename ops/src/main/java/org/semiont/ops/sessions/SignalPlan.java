package org.semiont.ops.sessions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The sessions a cancel or terminate will signal, and the pids it will not, with why. Pure: decided from a snapshot
 * of the sessions, so a dry run shows exactly what the real run does.
 */
public record SignalPlan(List<Session> targets, List<Refusal> refusals) {
    public SignalPlan {
        targets = List.copyOf(targets);
        refusals = List.copyOf(refusals);
    }

    /** A pid left alone: not a session of this server, or one of Semiont's own. */
    public record Refusal(int pid, String reason) {
    }

    public static SignalPlan of(List<Session> sessions, Selection selection) {
        if (selection instanceof Selection.ByPid byPid) {
            return byPid(sessions, byPid);
        }
        if (selection instanceof Selection.OlderThan olderThan) {
            return olderThan(sessions, olderThan);
        }
        throw new IllegalArgumentException("unknown selection " + selection);
    }

    private static SignalPlan byPid(List<Session> sessions, Selection.ByPid selection) {
        Map<Integer, Session> byPid = sessions.stream().collect(Collectors.toMap(Session::pid, Function.identity()));
        List<Session> targets = new ArrayList<>();
        List<Refusal> refusals = new ArrayList<>();
        for (int pid : selection.pids().stream().distinct().toList()) {
            Session s = byPid.get(pid);
            if (s == null) {
                refusals.add(new Refusal(pid, "no client session with this pid (see 'semiont db activity --all')"));
            } else if (s.isSemiont() && !selection.includeSemiont()) {
                refusals.add(new Refusal(pid, "a session of Semiont itself (" + s.application()
                        + "); add --include-semiont to end it anyway"));
            } else {
                targets.add(s);
            }
        }
        return new SignalPlan(targets, refusals);
    }

    private static SignalPlan olderThan(List<Session> sessions, Selection.OlderThan selection) {
        List<Session> targets = sessions.stream()
                .filter(s -> !s.isSemiont())
                .filter(s -> selection.state().map(st -> st.matches(s)).orElse(s.isActive() || s.isIdleInTransaction()))
                .filter(s -> s.busyFor().filter(d -> d.compareTo(selection.limit()) > 0).isPresent())
                .toList();
        return new SignalPlan(targets, List.of());
    }
}

package org.semiont.ops.sessions;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.semiont.ops.table.TextTable;

/** Sessions as text a person reads at a glance: the activity table and the lock tree. Pure. */
public final class SessionsView {
    static final int QUERY_WIDTH = 60;

    private SessionsView() {
    }

    public static List<String> activity(List<Session> sessions) {
        TextTable t = new TextTable(List.of("PID", "USER", "APPLICATION", "CLIENT", "STATE", "WAIT", "QUERY AGE", "XACT AGE",
                "BLOCKED BY", "QUERY"));
        for (Session s : sessions) {
            t.add(List.of(String.valueOf(s.pid()), s.user(), shorten(s.application(), 28) + (s.isSemiont() ? " *" : ""),
                    s.client(), s.state(), s.waitEvent(), age(s.queryAge()), age(s.transactionAge()),
                    String.join(",", s.blockedBy().stream().map(String::valueOf).toList()), shorten(s.query(), QUERY_WIDTH)));
        }
        List<String> out = new ArrayList<>(t.plain());
        out.add("(" + sessions.size() + (sessions.size() == 1 ? " session" : " sessions")
                + (sessions.stream().anyMatch(Session::isSemiont) ? "; * = Semiont's own, left alone unless --include-semiont" : "")
                + ")");
        return out;
    }

    /** Blocking sessions at the root, the sessions waiting on each below it; empty when nothing waits. */
    public static List<String> lockTree(List<Session> sessions, List<LockWait> waits) {
        List<String> out = new ArrayList<>();
        for (LockTree.Node root : LockTree.of(sessions).roots()) {
            render(root, waits, "", "", out);
        }
        return out;
    }

    private static void render(LockTree.Node node, List<LockWait> waits, String lead, String childLead, List<String> out) {
        Session s = node.session();
        String waitsFor = waits.stream().filter(w -> w.pid() == s.pid()).findFirst()
                .map(w -> "  waits for " + w.describe()).orElse("");
        out.add(lead + s.pid() + "  " + s.user() + "  " + (s.application().isEmpty() ? "-" : s.application()) + "  "
                + s.state() + "  " + age(s.busyFor()) + waitsFor + "  " + shorten(s.query(), QUERY_WIDTH));
        List<LockTree.Node> children = node.children();
        for (int i = 0; i < children.size(); i++) {
            boolean last = i == children.size() - 1;
            render(children.get(i), waits, childLead + (last ? "└─ " : "├─ "), childLead + (last ? "   " : "│  "), out);
        }
    }

    /** {@code 850ms}, {@code 12.3s}, {@code 4m05s}, {@code 2h03m}, {@code 3d04h}; empty when absent. */
    public static String age(Optional<Duration> age) {
        if (age.isEmpty()) {
            return "";
        }
        long ms = age.get().toMillis();
        if (ms < 1000) {
            return ms + "ms";
        }
        if (ms < 60_000) {
            return String.format(java.util.Locale.ROOT, "%.1fs", ms / 1000.0);
        }
        long s = ms / 1000;
        if (s < 3600) {
            return String.format(java.util.Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        }
        if (s < 86_400) {
            return String.format(java.util.Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
        }
        return String.format(java.util.Locale.ROOT, "%dd%02dh", s / 86_400, (s % 86_400) / 3600);
    }

    /** Whitespace runs folded to one space, cut to {@code max} characters with an ellipsis. */
    public static String shorten(String text, int max) {
        String one = text.strip().replaceAll("\\s+", " ");
        return one.length() <= max ? one : one.substring(0, max - 1) + "…";
    }
}

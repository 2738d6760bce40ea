package org.semiont.ops.sessions;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who blocks whom: each session that blocks others and waits for no one is a root, the sessions it blocks its
 * children, and so on. A session blocked by several appears under each. Sessions in a deadlock-like cycle (every
 * one waits) are shown from their lowest pid. Pure.
 */
public record LockTree(List<Node> roots) {
    public record Node(Session session, List<Node> children) {
    }

    public static LockTree of(List<Session> sessions) {
        Map<Integer, Session> byPid = new LinkedHashMap<>();
        sessions.forEach(s -> byPid.put(s.pid(), s));
        Map<Integer, List<Session>> blockedBy = new LinkedHashMap<>();
        for (Session s : sessions) {
            for (int blocker : s.blockedBy()) {
                blockedBy.computeIfAbsent(blocker, k -> new ArrayList<>()).add(s);
            }
        }
        List<Node> roots = new ArrayList<>();
        Set<Integer> shown = new HashSet<>();
        for (int blocker : blockedBy.keySet().stream().sorted().toList()) {
            Session s = byPid.get(blocker);
            boolean waits = s != null && s.blockedBy().stream().anyMatch(byPid::containsKey);
            if (s != null && !waits) {
                roots.add(node(s, blockedBy, new HashSet<>(), shown));
            }
        }
        for (int blocker : blockedBy.keySet().stream().sorted().toList()) {
            Session s = byPid.get(blocker);
            if (s != null && !shown.contains(blocker)) {
                roots.add(node(s, blockedBy, new HashSet<>(), shown));
            }
        }
        return new LockTree(List.copyOf(roots));
    }

    private static Node node(Session s, Map<Integer, List<Session>> blockedBy, Set<Integer> path, Set<Integer> shown) {
        shown.add(s.pid());
        path.add(s.pid());
        List<Node> children = new ArrayList<>();
        for (Session child : blockedBy.getOrDefault(s.pid(), List.of())) {
            if (!path.contains(child.pid())) {
                children.add(node(child, blockedBy, path, shown));
            }
        }
        path.remove(s.pid());
        return new Node(s, List.copyOf(children));
    }
}

package org.semiont.server.auth;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sessions by id, each read from the table at most every {@link #FRESH}: a request costs no query, a session ended on
 * this server ends at once ({@link #forget}), one ended by another server on the same database within that time.
 */
final class SessionCache {
    static final Duration FRESH = Duration.ofSeconds(5);
    static final int MAX_ENTRIES = 100_000;
    private final SessionStore store;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    private record Entry(Optional<SessionStore.Session> session, long readAt) {
    }

    SessionCache(SessionStore store) {
        this.store = store;
    }

    Optional<SessionStore.Session> get(String id) {
        Entry e = entries.get(id);
        long now = System.nanoTime();
        if (e == null || now - e.readAt() > FRESH.toNanos()) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            e = new Entry(store.find(id), now);
            entries.put(id, e);
        }
        return e.session();
    }

    void forget(String id) {
        entries.remove(id);
    }

    void forgetUser(String userId) {
        entries.values().removeIf(e -> e.session().map(s -> s.userId().equals(userId)).orElse(false));
    }
}

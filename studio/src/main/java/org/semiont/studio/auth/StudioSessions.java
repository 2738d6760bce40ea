package org.semiont.studio.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.semiont.server.user.UserRecord;

/**
 * Studio sessions, in memory (a restart signs everyone out): 32 random bytes name each, idle ones end after
 * {@link #IDLE}, every one after {@link #ABSOLUTE}.
 */
public final class StudioSessions {
    static final Duration IDLE = Duration.ofMinutes(30);
    static final Duration ABSOLUTE = Duration.ofHours(8);
    private final Map<String, StudioSession> sessions = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    public StudioSessions(Clock clock) {
        this.clock = clock;
    }

    public StudioSession open(UserRecord user) {
        Instant now = clock.instant();
        sessions.values().removeIf(old -> expired(old, now)); // sign-ins are rare: sweeping here keeps the map small
        StudioSession s = new StudioSession(token(), user.id(), user.email(), user.displayName(), user.admin(), token(), now, now);
        sessions.put(s.id(), s);
        return s;
    }

    public Optional<StudioSession> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        StudioSession s = sessions.get(id);
        if (s == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (expired(s, now)) {
            sessions.remove(id);
            return Optional.empty();
        }
        StudioSession seen = s.seen(now);
        sessions.put(id, seen);
        return Optional.of(seen);
    }

    private static boolean expired(StudioSession s, Instant now) {
        return now.isAfter(s.lastSeen().plus(IDLE)) || now.isAfter(s.createdAt().plus(ABSOLUTE));
    }

    public void close(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    public String token() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}

package org.semiont.server.auth;

import java.time.Instant;
import org.semiont.server.user.UserRecord;

/**
 * Who is calling: an active user in a session, or the CLI's service identity (admin, no user row, no session).
 * {@code expiresAt} is when the presented token stops being valid (an event stream is closed then).
 */
public record Principal(String userId, UserRecord user, boolean admin, boolean moderator, String sessionId, Instant expiresAt) {
    public static Principal of(UserRecord u, String sessionId, Instant expiresAt) {
        return new Principal(u.id(), u, u.admin(), u.moderator(), sessionId, expiresAt);
    }

    public static Principal service(Instant expiresAt) {
        return new Principal(JwtCodec.SERVICE_ID, null, true, true, null, expiresAt);
    }

    public boolean service() {
        return user == null;
    }

    /** This caller as the domain sees it. */
    public org.semiont.server.user.Actor actor() {
        return new org.semiont.server.user.Actor(userId, admin, moderator);
    }

    public String email() {
        return user == null ? JwtCodec.SERVICE_ID : user.email();
    }
}

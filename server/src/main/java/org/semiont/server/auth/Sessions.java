package org.semiont.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.semiont.server.user.UserDirectory;
import org.semiont.server.user.UserRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sign-in sessions and their tokens: a session starts at each sign-in; its access tokens are short-lived, its refresh
 * token is rotated at every use, and a superseded refresh token presented again ends the session (RFC 9700 §4.14:
 * either the client or a thief holds a copy, and the server cannot tell which). Ending a session ends all its tokens.
 */
public final class Sessions {
    private static final Logger log = LoggerFactory.getLogger(Sessions.class);
    private final SessionStore store;
    private final JwtCodec jwt;
    private final Authenticator authenticator;
    private final UserDirectory users;
    private final Clock clock;

    public Sessions(SessionStore store, JwtCodec jwt, Authenticator authenticator, UserDirectory users, Clock clock) {
        this.store = store;
        this.jwt = jwt;
        this.authenticator = authenticator;
        this.users = users;
        this.clock = clock;
    }

    /** A new session's tokens. */
    public record Issued(SessionStore.Session session, String accessToken, String refreshToken, Duration accessTtl) {
    }

    /** Where a sign-in comes from, kept with its session (no tokens, no secrets). */
    public record Origin(String address, String userAgent) {
    }

    public Issued start(UserRecord u, String method, Origin origin, Duration accessTtl) {
        SessionStore.Session s = store.create(u.id(), method, JwtCodec.SESSION_TTL, origin.address(), origin.userAgent());
        return new Issued(s, jwt.issueAccess(u, s.id(), accessTtl, s.expiresAt()),
                jwt.issueRefresh(u.id(), s.id(), 0, s.expiresAt()), accessTtl);
    }

    /** A new access token and the next refresh token for a refresh token; 401 for anything else. */
    public Issued refresh(String refreshToken) {
        Claims c = jwt.verify(refreshToken);
        if (!c.refresh() || c.sessionId() == null) {
            throw JwtCodec.unauthorized(c.service() ? "A service token cannot be refreshed"
                    : "This is not a refresh token: send the refreshToken you got at sign-in");
        }
        SessionStore.Session s = store.find(c.sessionId()).filter(x -> x.userId().equals(c.userId()))
                .orElseThrow(() -> JwtCodec.unauthorized("The refresh token's session does not exist; sign in again"));
        if (!s.liveAt(clock.instant())) {
            throw JwtCodec.unauthorized("The session ended (" + (s.revokedAt() != null ? s.revokedReason() : "expired")
                    + "); sign in again");
        }
        if (c.generation() != s.generation() || !store.rotate(s.id(), s.generation())) {
            end(s.id(), "a refresh token was used twice");
            log.warn("A superseded refresh token of user {} was presented again: its session {}… is ended", s.userId(),
                    s.id().substring(0, 6));
            throw JwtCodec.unauthorized("This refresh token was already used; its session is ended for safety. Sign in again");
        }
        UserRecord u = users.byId(s.userId()).filter(UserRecord::active).orElseThrow(() -> JwtCodec.unauthorized(
                "The session's user is missing or deactivated"));
        return new Issued(s, jwt.issueAccess(u, s.id(), JwtCodec.ACCESS_TTL, s.expiresAt()),
                jwt.issueRefresh(u.id(), s.id(), s.generation() + 1, s.expiresAt()), JwtCodec.ACCESS_TTL);
    }

    public void end(String sessionId, String reason) {
        store.revoke(sessionId, reason);
        authenticator.sessionEnded(sessionId);
    }

    public int endAll(String userId, String reason) {
        int n = store.revokeAll(userId, reason);
        authenticator.sessionsEnded(userId);
        return n;
    }

    public int endOthers(String userId, String keep, String reason) {
        int n = store.revokeOthers(userId, keep, reason);
        authenticator.sessionsEnded(userId);
        return n;
    }

    public SessionStore store() {
        return store;
    }

    public Optional<java.time.Instant> lastSignIn(String userId) {
        return store.lastSignIn(userId);
    }
}

package org.semiont.server.auth;

import io.javalin.http.Context;
import java.time.Clock;
import java.util.Optional;
import org.semiont.server.error.DomainException;
import org.semiont.server.user.UserDirectory;
import org.semiont.server.user.UserRecord;

/**
 * Runs before every protected route: a valid Bearer access token of a live session of an existing, active user (or
 * the CLI's service token). Users and sessions come from caches, so a request costs no query.
 */
public final class Authenticator {
    private static final String ATTRIBUTE = "semiont.principal";
    private final JwtCodec jwt;
    private final UserDirectory users;
    private final SessionCache sessions;
    private final Clock clock;

    public Authenticator(JwtCodec jwt, UserDirectory users, SessionStore sessions, Clock clock) {
        this.jwt = jwt;
        this.users = users;
        this.sessions = new SessionCache(sessions);
        this.clock = clock;
    }

    public void handle(Context ctx) {
        ctx.attribute(ATTRIBUTE, authenticate(ctx.header("Authorization")));
    }

    public Principal authenticate(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() <= 7) {
            throw JwtCodec.unauthorized("Missing bearer token: send 'Authorization: Bearer <JWT>' "
                    + "(get one from POST /api/tokens/password or 'semiont token --email ...')");
        }
        Claims c = jwt.verify(header.substring(7).trim());
        if (c.service()) {
            return Principal.service(c.expiresAt());
        }
        if (!c.access() || c.sessionId() == null) {
            throw JwtCodec.unauthorized(c.refresh() ? "This is a refresh token: send it to POST /api/tokens/refresh for an "
                    + "access token" : "This token belongs to no session (issued before sessions existed?); sign in again");
        }
        return Principal.of(current(c.userId(), c.sessionId()), c.sessionId(), c.expiresAt());
    }

    /** The user of a live session, or 401 saying why not. */
    private UserRecord current(String userId, String sessionId) {
        SessionStore.Session s = sessions.get(sessionId).filter(x -> x.userId().equals(userId))
                .orElseThrow(() -> JwtCodec.unauthorized("The token's session does not exist; sign in again"));
        if (!s.liveAt(clock.instant())) {
            throw JwtCodec.unauthorized(s.revokedAt() != null ? "The session ended (" + s.revokedReason() + "); sign in again"
                    : "The session expired; sign in again");
        }
        UserRecord u = users.byId(userId).orElseThrow(() -> JwtCodec.unauthorized("The token's user " + userId
                + " does not exist (deleted?); sign in again"));
        if (!u.active()) {
            throw JwtCodec.unauthorized("User " + u.email() + " is deactivated; ask an admin to reactivate the account");
        }
        return u;
    }

    /** Why a principal authenticated earlier is no longer valid now (token expired, session ended, user gone), if so. */
    public Optional<String> revoked(Principal p) {
        if (clock.instant().isAfter(p.expiresAt())) {
            return Optional.of("the token expired");
        }
        if (p.service()) {
            return Optional.empty();
        }
        try {
            current(p.userId(), p.sessionId());
            return Optional.empty();
        } catch (DomainException e) {
            if (e.kind() != DomainException.Kind.UNAUTHENTICATED) {
                throw e;
            }
            return Optional.of(e.getMessage());
        }
    }

    /** A session ended on this server: its tokens stop working at once. */
    public void sessionEnded(String sessionId) {
        sessions.forget(sessionId);
    }

    /** Sessions of a user ended on this server. */
    public void sessionsEnded(String userId) {
        sessions.forgetUser(userId);
    }

    public static Principal principal(Context ctx) {
        Principal p = ctx.attribute(ATTRIBUTE);
        if (p == null) {
            throw DomainException.unauthenticated("UNAUTHORIZED", "Not authenticated");
        }
        return p;
    }

    public static Principal requireAdmin(Context ctx) {
        Principal p = principal(ctx);
        if (!p.admin()) {
            throw DomainException.denied("This needs an admin; " + p.email() + " is not one");
        }
        return p;
    }

    public static Principal requireModerator(Context ctx) {
        Principal p = principal(ctx);
        if (!p.admin() && !p.moderator()) {
            throw DomainException.denied("This needs a moderator or an admin; " + p.email() + " is neither");
        }
        return p;
    }

    /** Only the CLI, which holds the data dir's secret, may do this (mint a user's token, say). */
    public static Principal requireService(Context ctx) {
        Principal p = principal(ctx);
        if (!p.service()) {
            throw DomainException.denied("Only the semiont command line (its service token) may do this");
        }
        return p;
    }
}

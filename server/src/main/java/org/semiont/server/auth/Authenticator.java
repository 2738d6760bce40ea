package org.semiont.server.auth;

import io.javalin.http.Context;
import org.semiont.server.http.ApiError;
import org.semiont.server.http.ApiException;
import org.semiont.server.user.UserDirectory;
import org.semiont.server.user.UserRecord;

/**
 * Runs before every protected route: a valid Bearer JWT of an existing, active user (or the CLI's service
 * token). The user row comes from the directory's cache, so this costs no query per request.
 */
public final class Authenticator {
    private static final String ATTRIBUTE = "semiont.principal";
    private final JwtCodec jwt;
    private final UserDirectory users;

    public Authenticator(JwtCodec jwt, UserDirectory users) {
        this.jwt = jwt;
        this.users = users;
    }

    public void handle(Context ctx) {
        ctx.attribute(ATTRIBUTE, authenticate(ctx.header("Authorization")));
    }

    public Principal authenticate(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() <= 7) {
            throw JwtCodec.unauthorized("Missing bearer token: send 'Authorization: Bearer <JWT>' "
                    + "(get one from POST /api/tokens/local or 'semiont token --email ...')");
        }
        Claims c = jwt.verify(header.substring(7).trim());
        if (c.service()) {
            return Principal.service();
        }
        UserRecord u = users.byId(c.userId()).orElseThrow(() -> JwtCodec.unauthorized("The token's user " + c.userId()
                + " does not exist (deleted?); sign in again"));
        if (!u.active()) {
            throw JwtCodec.unauthorized("User " + u.email() + " is deactivated; ask an admin to reactivate the account");
        }
        return Principal.of(u);
    }

    public static Principal principal(Context ctx) {
        Principal p = ctx.attribute(ATTRIBUTE);
        if (p == null) {
            throw new ApiException(ApiError.UNAUTHORIZED, "Not authenticated");
        }
        return p;
    }

    public static Principal requireAdmin(Context ctx) {
        Principal p = principal(ctx);
        if (!p.admin()) {
            throw new ApiException(ApiError.FORBIDDEN, "This needs an admin; " + p.email() + " is not one");
        }
        return p;
    }

    public static Principal requireModerator(Context ctx) {
        Principal p = principal(ctx);
        if (!p.admin() && !p.moderator()) {
            throw new ApiException(ApiError.FORBIDDEN, "This needs a moderator or an admin; " + p.email() + " is neither");
        }
        return p;
    }
}

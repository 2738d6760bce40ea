package org.semiont.server.auth;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.time.Duration;
import org.semiont.server.error.DomainException;
import org.semiont.server.web.Requests;
import org.semiont.server.web.SecuredRoutes;
import org.semiont.server.user.UserRecord;
import org.semiont.server.user.UserService;

/**
 * {@code /api/tokens/*}: sign-in with a password, by e-mail alone (only with {@code ENABLE_LOCAL_AUTH=true}) or
 * with Google, and refresh. Every sign-in starts a session and answers the original's AuthResponse plus the
 * session's {@code refreshToken}. A failed password sign-in answers the same for an unknown account, a wrong password
 * and a deactivated account, after the same work.
 */
public final class TokenRoutes {
    static final String INVALID = "Invalid e-mail or password";
    private final AuthSettings settings;
    private final UserService users;
    private final GoogleSignIn google;
    private final Requests requests;
    private final Sessions sessions;
    private final PasswordCheck passwords;

    public TokenRoutes(AuthSettings settings, UserService users, GoogleSignIn google, Requests requests, Sessions sessions,
                       PasswordCheck passwords) {
        this.settings = settings;
        this.users = users;
        this.google = google;
        this.requests = requests;
        this.sessions = sessions;
        this.passwords = passwords;
    }

    public void register(SecuredRoutes routes) {
        routes.publicPost("/api/tokens/password", this::password);
        routes.publicPost("/api/tokens/local", this::local);
        routes.publicPost("/api/tokens/refresh", this::refresh);
        routes.publicPost("/api/tokens/google", this::google);
    }

    private void password(Context ctx) {
        ObjectNode body = requests.object(ctx);
        String email = body.path("email").isTextual() ? body.get("email").asText().trim().toLowerCase(java.util.Locale.ROOT) : "";
        char[] password = body.path("password").isTextual() ? body.get("password").asText().toCharArray() : null;
        if (email.isEmpty() || password == null) {
            throw DomainException.invalid("VALIDATION_FAILED", "email and password (strings) are required");
        }
        UserRecord u = passwords.signIn(email, password, origin(ctx).address());
        ctx.json(authResponse(sessions.start(u, "password", origin(ctx), JwtCodec.ACCESS_TTL), u, false));
    }

    private void local(Context ctx) {
        if (!settings.localAuth()) {
            throw DomainException.denied("Sign-in by e-mail alone is off; sign in with a password "
                    + "(POST /api/tokens/password) or Google. A development server may set ENABLE_LOCAL_AUTH=true.");
        }
        ObjectNode body = requests.object(ctx);
        String email = body.path("email").isTextual() ? body.get("email").asText().trim().toLowerCase(java.util.Locale.ROOT) : "";
        UserRecord u = passwords.withoutPassword(email, origin(ctx).address());
        ctx.json(authResponse(sessions.start(u, "local", origin(ctx), JwtCodec.ACCESS_TTL), u, false));
    }

    private void refresh(Context ctx) {
        ObjectNode body = requests.object(ctx);
        if (!body.path("refreshToken").isTextual()) {
            throw DomainException.invalid("VALIDATION_FAILED", "refreshToken (the refresh token from sign-in) is required");
        }
        Sessions.Issued t = sessions.refresh(body.get("refreshToken").asText());
        ctx.json(JsonNodeFactory.instance.objectNode().put("access_token", t.accessToken())
                .put("refresh_token", t.refreshToken()).put("expires_in", t.accessTtl().toSeconds()));
    }

    private void google(Context ctx) {
        ObjectNode body = requests.object(ctx);
        if (!body.path("access_token").isTextual() || body.get("access_token").asText().isBlank()) {
            throw DomainException.invalid("VALIDATION_FAILED", "access_token (a Google OAuth access token) is required");
        }
        passwords.throttleAddress(origin(ctx).address());
        GoogleSignIn.Result r = google.signIn(body.get("access_token").asText());
        ctx.json(authResponse(sessions.start(r.user(), "google", origin(ctx), JwtCodec.ACCESS_TTL), r.user(), r.isNew()));
    }

    static Sessions.Origin origin(Context ctx) {
        return new Sessions.Origin(ctx.ip(), ctx.header("User-Agent"));
    }

    /** The original's AuthResponse {success, user, token, isNewUser}, plus the session's refresh token. */
    static ObjectNode authResponse(Sessions.Issued t, UserRecord u, boolean isNew) {
        ObjectNode o = JsonNodeFactory.instance.objectNode().put("success", true);
        o.set("user", UserJson.brief(u));
        return o.put("token", t.accessToken()).put("refreshToken", t.refreshToken())
                .put("expiresIn", t.accessTtl().toSeconds()).put("isNewUser", isNew);
    }

    /** Throttled, with the wait (the edge answers 429 with Retry-After), the same for every account. */
    static DomainException tooMany(Duration wait) {
        return DomainException.throttled("Too many sign-in attempts; try again in " + wait.toSeconds() + " s", wait);
    }
}

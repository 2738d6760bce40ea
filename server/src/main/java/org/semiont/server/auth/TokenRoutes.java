package org.semiont.server.auth;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.semiont.server.rest.SecuredRoutes;
import io.javalin.http.Context;
import org.semiont.server.http.ApiError;
import org.semiont.server.http.ApiException;
import org.semiont.server.rest.Requests;
import org.semiont.server.user.UserRecord;
import org.semiont.server.user.UserService;

/** {@code /api/tokens/*}: local sign-in, refresh, Google sign-in. */
public final class TokenRoutes {
    private final AuthSettings settings;
    private final JwtCodec jwt;
    private final UserService users;
    private final GoogleSignIn google;
    private final Requests requests;

    public TokenRoutes(AuthSettings settings, JwtCodec jwt, UserService users, GoogleSignIn google, Requests requests) {
        this.settings = settings;
        this.jwt = jwt;
        this.users = users;
        this.google = google;
        this.requests = requests;
    }

    public void register(SecuredRoutes routes) {
        routes.publicPost("/api/tokens/local", this::local);
        routes.publicPost("/api/tokens/refresh", this::refresh);
        routes.publicPost("/api/tokens/google", this::google);
    }

    private void local(Context ctx) {
        if (!settings.localAuth()) {
            throw new ApiException(ApiError.FORBIDDEN, "Local sign-in is off; set ENABLE_LOCAL_AUTH=true (or use Google sign-in)");
        }
        ObjectNode body = requests.object(ctx);
        String email = UserService.normalizeEmail(body.path("email").isTextual() ? body.get("email").asText() : null);
        UserRecord u = users.byEmail(email).orElseThrow(() -> new ApiException(ApiError.BAD_REQUEST, "No user with email "
                + email + "; create one with 'semiont useradd --email " + email + "'"));
        if (!u.active()) {
            throw new ApiException(ApiError.BAD_REQUEST, "User " + email + " is deactivated; ask an admin to reactivate it");
        }
        ctx.json(authResponse(users.recordLogin(u), false));
    }

    ObjectNode authResponse(UserRecord u, boolean isNew) {
        ObjectNode o = JsonNodeFactory.instance.objectNode().put("success", true);
        o.set("user", UserJson.brief(u));
        return o.put("token", jwt.issue(u, JwtCodec.LOGIN_TTL)).put("isNewUser", isNew);
    }

    private void refresh(Context ctx) {
        ObjectNode body = requests.object(ctx);
        if (!body.path("refreshToken").isTextual()) {
            throw new ApiException(ApiError.VALIDATION_FAILED, "refreshToken (a JWT string) is required");
        }
        Claims c = jwt.verify(body.get("refreshToken").asText());
        if (c.service()) {
            throw JwtCodec.unauthorized("A service token cannot be refreshed");
        }
        UserRecord u = users.byId(c.userId()).filter(UserRecord::active).orElseThrow(() -> JwtCodec.unauthorized(
                "The token's user " + c.userId() + " is missing or deactivated"));
        ctx.json(JsonNodeFactory.instance.objectNode().put("access_token", jwt.issue(u, JwtCodec.ACCESS_TTL)));
    }

    private void google(Context ctx) {
        ObjectNode body = requests.object(ctx);
        if (!body.path("access_token").isTextual() || body.get("access_token").asText().isBlank()) {
            throw new ApiException(ApiError.VALIDATION_FAILED, "access_token (a Google OAuth access token) is required");
        }
        GoogleSignIn.Result r = google.signIn(body.get("access_token").asText());
        ctx.json(authResponse(users.recordLogin(r.user()), r.isNew()));
    }
}

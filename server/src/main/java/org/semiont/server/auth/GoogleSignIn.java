package org.semiont.server.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.semiont.server.http.ApiError;
import org.semiont.server.http.ApiException;
import org.semiont.server.user.UserRecord;
import org.semiont.server.user.UserService;

/** Verifies a Google access token against the (configurable) userinfo endpoint and finds or creates the user. */
public final class GoogleSignIn {
    private final AuthSettings settings;
    private final UserService users;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public record Result(UserRecord user, boolean isNew) {
    }

    public GoogleSignIn(AuthSettings settings, UserService users, ObjectMapper json) {
        this.settings = settings;
        this.users = users;
        this.json = json;
    }

    public Result signIn(String accessToken) {
        JsonNode info = userinfo(accessToken);
        String email = UserService.normalizeEmail(info.path("email").asText(null));
        if (info.has("email_verified") && !info.get("email_verified").asBoolean()) {
            throw new ApiException(ApiError.BAD_REQUEST, "Google says the email " + email + " is not verified");
        }
        if (!settings.domainAllowed(email)) {
            throw new ApiException(ApiError.FORBIDDEN, "Email domain of " + email + " is not allowed; allowed: "
                    + settings.allowedDomains() + " (OAUTH_ALLOWED_DOMAINS)");
        }
        var existing = users.byEmail(email);
        if (existing.isPresent()) {
            if (!existing.get().active()) {
                throw new ApiException(ApiError.BAD_REQUEST, "User " + email + " is deactivated; ask an admin to reactivate it");
            }
            return new Result(existing.get(), false);
        }
        UserRecord created = users.create(new UserService.NewUser(email, info.path("name").asText(null),
                info.path("picture").asText(null), "google", info.path("sub").asText(null), false, false), UserService.SYSTEM_ACTOR);
        return new Result(created, true);
    }

    private JsonNode userinfo(String accessToken) {
        HttpRequest req = HttpRequest.newBuilder(URI.create(settings.googleUserinfoUrl())).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + accessToken).GET().build();
        try {
            HttpResponse<byte[]> r = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new ApiException(ApiError.BAD_REQUEST, "Google rejected the access token (userinfo answered HTTP "
                        + r.statusCode() + "); sign in with Google again");
            }
            return json.readTree(r.body());
        } catch (IOException e) {
            throw new ApiException(ApiError.SERVICE_UNAVAILABLE, "Cannot reach the Google userinfo endpoint "
                    + settings.googleUserinfoUrl() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(ApiError.SERVICE_UNAVAILABLE, "Interrupted while asking Google");
        }
    }
}

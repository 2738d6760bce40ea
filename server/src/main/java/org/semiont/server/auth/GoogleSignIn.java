package org.semiont.server.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Pattern;
import org.semiont.server.error.DomainException;
import org.semiont.server.user.UserRecord;
import org.semiont.server.user.UserService;

/** Verifies a Google access token against the (configurable) userinfo endpoint and finds or creates the user. */
public final class GoogleSignIn {
    static final int MAX_TOKEN_LENGTH = 4096;
    private static final Pattern BEARER_TOKEN = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");
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
        requireWellFormed(accessToken);
        JsonNode info = userinfo(accessToken);
        String email = UserService.normalizeEmail(info.path("email").asText(null));
        if (info.has("email_verified") && !info.get("email_verified").asBoolean()) {
            throw DomainException.invalid("BAD_REQUEST", "Google says the email " + email + " is not verified");
        }
        if (!settings.domainAllowed(email)) {
            throw DomainException.denied("Email domain of " + email + " is not allowed; allowed: "
                    + settings.allowedDomains() + " (OAUTH_ALLOWED_DOMAINS)");
        }
        var existing = users.byEmail(email);
        if (existing.isPresent()) {
            if (!existing.get().active()) {
                throw DomainException.invalid("BAD_REQUEST", "User " + email
                        + " is deactivated; ask an admin to reactivate it");
            }
            return new Result(existing.get(), false);
        }
        UserRecord created = users.create(new UserService.NewUser(email, info.path("name").asText(null),
                info.path("picture").asText(null), "google", info.path("sub").asText(null), false, false), UserService.SYSTEM_ACTOR);
        return new Result(created, true);
    }

    /**
     * An OAuth access token is a bearer credential (RFC 6750's b64token characters); anything else, a CR or LF that
     * would split the header sent to Google say, is refused here without being echoed or logged.
     */
    static void requireWellFormed(String accessToken) {
        if (accessToken.length() > MAX_TOKEN_LENGTH || !BEARER_TOKEN.matcher(accessToken).matches()) {
            throw DomainException.invalid("VALIDATION_FAILED", "access_token is not a well-formed OAuth access token "
                    + "(letters, digits and -._~+/ with trailing '=', at most " + MAX_TOKEN_LENGTH + " characters)");
        }
    }

    private JsonNode userinfo(String accessToken) {
        HttpRequest req = HttpRequest.newBuilder(URI.create(settings.googleUserinfoUrl())).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + accessToken).GET().build();
        try {
            HttpResponse<byte[]> r = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw DomainException.invalid("BAD_REQUEST", "Google rejected the access token (userinfo answered HTTP "
                        + r.statusCode() + "); sign in with Google again");
            }
            return json.readTree(r.body());
        } catch (IOException e) {
            throw DomainException.unavailable("Cannot reach the Google userinfo endpoint "
                    + settings.googleUserinfoUrl() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DomainException.unavailable("Interrupted while asking Google");
        }
    }
}

package org.semiont.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.semiont.server.ServerApp;
import org.semiont.server.auth.JwtCodec;
import org.semiont.server.config.Environment;
import org.semiont.server.config.ServerConfig;
import org.semiont.server.logging.LogSetup;

/** A real server on loopback over a data dir, with helpers to make users and sign in. */
public final class ApiServer implements AutoCloseable {
    public static final String SECRET = "test-secret-0123456789-0123456789-abcdef";
    /** Every user made by {@link #user} signs in with this password. */
    public static final String PASSWORD = "correct horse battery staple";
    private final ServerApp app;
    private final Map<String, String> env;

    private ApiServer(ServerApp app, Map<String, String> env) {
        this.app = app;
        this.env = env;
    }

    public static ApiServer start(Path dataDir) {
        return start(dataDir, Map.of());
    }

    public static ApiServer start(Path dataDir, Map<String, String> extraEnv) {
        LogSetup.console(ch.qos.logback.classic.Level.WARN);
        // tests sign in many users from one address; the sign-in throttle has tests of its own
        Map<String, String> env = new HashMap<>(Map.of("JWT_SECRET", SECRET, "SEMIONT_SIGNIN_RATE", "100000"));
        env.putAll(extraEnv);
        Environment e = new Environment(env);
        ServerConfig config = ServerConfig.from(e, new ServerConfig.Overrides("127.0.0.1", 0, null, dataDir, null));
        return new ApiServer(ServerApp.start(config, e), env);
    }

    public ServerApp app() {
        return app;
    }

    public String url() {
        return app.url();
    }

    public ApiClient anonymous() {
        return new ApiClient(app.url(), null);
    }

    public ApiClient service() {
        return new ApiClient(app.url(), new JwtCodec(env.get("JWT_SECRET"), "semiont", Clock.systemUTC()).issueService());
    }

    /** Creates a user through the admin API and returns a client signed in as that user. */
    public ApiClient user(String email, boolean admin, boolean moderator) {
        ApiClient.Response r = service().post("/api/admin/users", Map.of("email", email, "name", email.substring(0, email.indexOf('@')),
                "isAdmin", admin, "isModerator", moderator, "password", PASSWORD));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return signIn(email);
    }

    /** Signs in with {@link #PASSWORD} (a new session each time). */
    public ApiClient signIn(String email) {
        ApiClient.Response login = anonymous().post("/api/tokens/password", Map.of("email", email, "password", PASSWORD));
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        return new ApiClient(app.url(), login.json().get("token").asText());
    }

    public static JsonNode createDocument(ApiClient c, String name, String content) {
        ApiClient.Response r = c.post("/api/documents", Map.of("name", name, "content", content, "format", "text/plain",
                "entityTypes", java.util.List.of("Person")));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("document");
    }

    @Override
    public void close() {
        app.close();
    }
}

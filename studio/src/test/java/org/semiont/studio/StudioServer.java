package org.semiont.studio;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.semiont.server.ServerApp;
import org.semiont.server.api.ApiClient;
import org.semiont.server.api.ApiServer;
import org.semiont.server.auth.JwtCodec;
import org.semiont.server.config.Environment;
import org.semiont.server.config.ServerConfig;
import org.semiont.server.logging.LogSetup;

/** A real server on loopback with the studio at /studio/, as {@code SEMIONT_STUDIO=on} composes it. */
final class StudioServer implements AutoCloseable {
    static final String PASSWORD = ApiServer.PASSWORD;
    private final ServerApp app;

    private StudioServer(ServerApp app) {
        this.app = app;
    }

    static StudioServer start(Path dataDir, boolean readOnly) {
        LogSetup.console(ch.qos.logback.classic.Level.WARN);
        byte[] token = new byte[16];
        new java.security.SecureRandom().nextBytes(token);
        // metrics on (a token made for this run), so the health page has the registry to read
        Environment env = new Environment(Map.of("JWT_SECRET", ApiServer.SECRET, "SEMIONT_SIGNIN_RATE", "100000",
                "SEMIONT_METRICS_TOKEN", java.util.HexFormat.of().formatHex(token)));
        ServerConfig config = ServerConfig.from(env, new ServerConfig.Overrides("127.0.0.1", 0, null, dataDir, null));
        return new StudioServer(ServerApp.start(config, env, List.of(Studio.extension(readOnly))));
    }

    ServerApp app() {
        return app;
    }

    String studio() {
        return app.url() + Studio.BASE;
    }

    DataSource pool() {
        return app.api().services().pool();
    }

    ApiClient service() {
        return new ApiClient(app.url(), new JwtCodec(ApiServer.SECRET, "semiont", Clock.systemUTC()).issueService());
    }

    /** Creates a password account and returns its user id. */
    String user(String email, boolean admin, boolean moderator) {
        ApiClient.Response r = service().post("/api/admin/users", Map.of("email", email, "name", email.substring(0, email.indexOf('@')),
                "isAdmin", admin, "isModerator", moderator, "password", PASSWORD));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().path("user").path("id").asText(r.json().path("id").asText());
    }

    /** An API client signed in with the password. */
    ApiClient api(String email) {
        ApiClient.Response login = new ApiClient(app.url(), null).post("/api/tokens/password", Map.of("email", email, "password", PASSWORD));
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        return new ApiClient(app.url(), login.json().get("token").asText());
    }

    void sql(String... statements) {
        try (Connection c = pool().getConnection(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        app.close();
    }
}

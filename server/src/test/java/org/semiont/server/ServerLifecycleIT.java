package org.semiont.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.semiont.server.config.ConfigException;
import org.semiont.server.config.DatabaseTarget;
import org.semiont.server.config.Environment;
import org.semiont.server.config.ServerConfig;
import org.semiont.server.db.SharedBuffers;
import org.semiont.server.testing.Http;

class ServerLifecycleIT {
    @TempDir
    Path dataDir;

    private ServerConfig config() {
        return ServerConfig.from(new Environment(Map.of()), new ServerConfig.Overrides("127.0.0.1", 0, null, dataDir, null));
    }

    @Test
    void a_restarted_server_reuses_the_same_embedded_cluster_and_its_data() throws Exception {
        try (ServerApp app = ServerApp.start(config())) {
            assertThat(Http.get(app.url() + "/api/health/ready").status()).isEqualTo(200);
            Http.Response health = Http.get(app.url() + "/api/health");
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.json().get("status").asText()).isEqualTo("operational");
            assertThat(health.json().get("database").asText()).isEqualTo("connected");
            assertThat(health.json().get("message").asText()).isEqualTo("Semiont API is running");
            assertThat(health.json().get("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
            sql(app.databaseTarget(), "CREATE TABLE kept (v text); INSERT INTO kept VALUES ('before restart')");
        }
        try (ServerApp app = ServerApp.start(config())) {
            assertThat(Http.get(app.url() + "/api/health/ready").status()).isEqualTo(200);
            assertThat(query(app.databaseTarget(), "SELECT v FROM kept")).isEqualTo("before restart");
        }
    }

    @Test
    void the_embedded_cluster_runs_with_fsync_and_synchronous_commit_on_and_buffers_sized_for_the_machine() throws Exception {
        try (ServerApp app = ServerApp.start(config())) {
            assertThat(query(app.databaseTarget(), "SHOW fsync")).isEqualTo("on");
            assertThat(query(app.databaseTarget(), "SHOW synchronous_commit")).isEqualTo("on");
            assertThat(query(app.databaseTarget(), "SHOW listen_addresses")).isEqualTo("127.0.0.1");
            assertThat(query(app.databaseTarget(), "SELECT setting::bigint * 8 / 1024 || 'MB' FROM pg_settings"
                    + " WHERE name = 'shared_buffers'")).isEqualTo(SharedBuffers.forThisMachine());
        }
    }

    @Test
    void a_second_server_on_the_same_data_dir_is_refused_with_the_owner_named() {
        try (ServerApp first = ServerApp.start(config())) {
            assertThatThrownBy(() -> ServerApp.start(config()))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("already in use by 'semiont start' (pid " + ProcessHandle.current().pid());
            assertThat(first.port()).isPositive();
        }
    }

    @Test
    void unknown_routes_answer_404_in_the_json_error_shape() throws Exception {
        try (ServerApp app = ServerApp.start(config())) {
            Http.Response r = Http.get(app.url() + "/no-such-thing");
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.json().get("code").asText()).isEqualTo("NOT_FOUND");
            assertThat(r.json().get("error").asText()).contains("/no-such-thing");
            Http.Response unknownApi = Http.get(app.url() + "/api/no-such-thing");
            assertThat(unknownApi.status()).as("auth wraps only existing routes").isEqualTo(404);
            assertThat(unknownApi.json().get("code").asText()).isEqualTo("NOT_FOUND");
            Http.Response wrongMethod = Http.send("DELETE", app.url() + "/api/health", null);
            assertThat(wrongMethod.status()).isIn(404, 405);
            assertThat(wrongMethod.json().has("code")).isTrue();
        }
    }

    static void sql(DatabaseTarget t, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(t.jdbcUrl(), t.jdbcProperties()); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static String query(DatabaseTarget t, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(t.jdbcUrl(), t.jdbcProperties()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}

package org.semiont.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerConfigTest {
    private static final ServerConfig.Overrides NONE = new ServerConfig.Overrides(null, null, null, null, null);

    @Test
    void defaults_bind_loopback_port_4000_and_data_dir_data() {
        ServerConfig c = ServerConfig.from(new Environment(Map.of()), NONE);
        assertThat(c.host()).isEqualTo("127.0.0.1");
        assertThat(c.port()).isEqualTo(4000);
        assertThat(c.baseUrl()).isEqualTo("http://127.0.0.1:4000");
        assertThat(c.dataDir()).isEqualTo(Path.of("data").toAbsolutePath());
        assertThat(c.embeddedDatabase()).isTrue();
        assertThat(c.pool()).isEqualTo(PoolSettings.DEFAULTS);
    }

    @Test
    void flags_override_environment_variables() {
        Environment env = new Environment(Map.of("SEMIONT_PORT", "5000", "SEMIONT_DATA_DIR", "/srv/semiont",
                "SEMIONT_BASE_URL", "https://kb.example.org/", "SEMIONT_DB_POOL_SIZE", "4", "SEMIONT_DB_CONNECTION_TIMEOUT", "2s"));
        ServerConfig fromEnv = ServerConfig.from(env, NONE);
        assertThat(fromEnv.port()).isEqualTo(5000);
        assertThat(fromEnv.dataDir()).isEqualTo(Path.of("/srv/semiont"));
        assertThat(fromEnv.baseUrl()).isEqualTo("https://kb.example.org");
        assertThat(fromEnv.pool().maximumPoolSize()).isEqualTo(4);
        assertThat(fromEnv.pool().connectionTimeout()).isEqualTo(Duration.ofSeconds(2));
        ServerConfig flagged = ServerConfig.from(env, new ServerConfig.Overrides("0.0.0.0", 6000, "http://x:1", Path.of("/tmp/d"), null));
        assertThat(flagged.port()).isEqualTo(6000);
        assertThat(flagged.host()).isEqualTo("0.0.0.0");
        assertThat(flagged.baseUrl()).isEqualTo("http://x:1");
        assertThat(flagged.dataDir()).isEqualTo(Path.of("/tmp/d"));
    }

    @Test
    void invalid_values_are_rejected_with_the_setting_named() {
        assertThatThrownBy(() -> ServerConfig.from(new Environment(Map.of("SEMIONT_PORT", "http")), NONE))
                .isInstanceOf(ConfigException.class).hasMessageContaining("SEMIONT_PORT");
        assertThatThrownBy(() -> ServerConfig.from(new Environment(Map.of("SEMIONT_DB_POOL_SIZE", "0")), NONE))
                .isInstanceOf(ConfigException.class).hasMessageContaining("SEMIONT_DB_POOL_SIZE");
        assertThatThrownBy(() -> ServerConfig.from(new Environment(Map.of("SEMIONT_DB_IDLE_TIMEOUT", "soon")), NONE))
                .isInstanceOf(ConfigException.class).hasMessageContaining("SEMIONT_DB_IDLE_TIMEOUT");
        assertThatThrownBy(() -> ServerConfig.from(new Environment(Map.of("SEMIONT_BASE_URL", "kb.example.org")), NONE))
                .isInstanceOf(ConfigException.class).hasMessageContaining("SEMIONT_BASE_URL");
    }

    @Test
    void a_base_url_that_annotation_iris_cannot_be_appended_to_is_refused() {
        Map<String, String> refused = Map.of(
                "https://kb.example.org/?x=1", "query",
                "https://kb.example.org/#top", "fragment",
                "https://kb example.org", "not a valid URL",
                "https:///annotations", "no host",
                "ftp://kb.example.org", "http:// or https://",
                "https://admin:hunter2@kb.example.org", "credentials");
        refused.forEach((url, problem) -> assertThatThrownBy(() -> ServerConfig.from(
                new Environment(Map.of("SEMIONT_BASE_URL", url)), NONE))
                .as(url).isInstanceOf(ConfigException.class).hasMessageContaining(problem).hasMessageNotContaining("hunter2"));
        assertThat(ServerConfig.from(new Environment(Map.of("SEMIONT_BASE_URL", "https://kb.example.org:8443/semiont/")), NONE)
                .baseUrl()).as("a path prefix behind a proxy is fine").isEqualTo("https://kb.example.org:8443/semiont");
    }
}

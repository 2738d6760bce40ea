package org.semiont.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DatabaseSettingsTest {
    private static final String SECRET = "{\"username\":\"u\",\"password\":\"p@ss:w/rd\",\"host\":\"db.example\",\"port\":6543,\"dbname\":\"kb\"}";

    private static DatabaseTarget external(Map<String, String> env, String flag) {
        DatabaseSource s = DatabaseSettings.resolve(new Environment(env), Optional.ofNullable(flag));
        assertThat(s).isInstanceOf(DatabaseSource.External.class);
        return ((DatabaseSource.External) s).target();
    }

    @Test
    void no_setting_means_the_embedded_database() {
        assertThat(DatabaseSettings.resolve(new Environment(Map.of()), Optional.empty())).isInstanceOf(DatabaseSource.Embedded.class);
    }

    @Test
    void prisma_style_urls_are_parsed_with_encoded_credentials_sslmode_and_schema() {
        DatabaseTarget t = external(Map.of("DATABASE_URL", "postgresql://app:p%40ss%3Aword@db.example:6543/kb?sslmode=require&schema=tenant1"), null);
        assertThat(t.host()).isEqualTo("db.example");
        assertThat(t.port()).isEqualTo(6543);
        assertThat(t.database()).isEqualTo("kb");
        assertThat(t.user()).isEqualTo("app");
        assertThat(t.password()).isEqualTo("p@ss:word");
        assertThat(t.params()).containsEntry("sslmode", "require").doesNotContainKey("schema");
        assertThat(t.schema()).isEqualTo("tenant1");
        assertThat(t.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:6543/kb");
        assertThat(t.jdbcProperties().getProperty("currentSchema")).isEqualTo("tenant1");
        assertThat(t.toString()).doesNotContain("p@ss:word");
    }

    @Test
    void jdbc_urls_are_accepted_with_credentials_in_parameters() {
        DatabaseTarget t = external(Map.of("DATABASE_URL", "jdbc:postgresql://h/db?user=a&password=b&ssl=true"), null);
        assertThat(t.port()).isEqualTo(5432);
        assertThat(t.user()).isEqualTo("a");
        assertThat(t.password()).isEqualTo("b");
        assertThat(t.params()).containsEntry("ssl", "true").doesNotContainKeys("user", "password");
    }

    @Test
    void the_url_flag_beats_database_url_which_beats_the_secret_which_beats_db_variables() {
        Map<String, String> all = Map.of("DATABASE_URL", "postgresql://x:y@from-env/db", "DATABASE_SECRET", SECRET,
                "DB_HOST", "from-db-vars", "DB_PORT", "1", "DB_NAME", "n", "DB_USER", "u", "DB_PASSWORD", "p");
        assertThat(external(all, "postgresql://x:y@from-flag/db").host()).isEqualTo("from-flag");
        assertThat(external(all, null).host()).isEqualTo("from-env");
        Map<String, String> noUrl = new java.util.HashMap<>(all);
        noUrl.remove("DATABASE_URL");
        assertThat(external(noUrl, null).host()).isEqualTo("db.example");
        noUrl.remove("DATABASE_SECRET");
        assertThat(external(noUrl, null).host()).isEqualTo("from-db-vars");
    }

    @Test
    void secrets_and_db_variables_default_to_sslmode_require() {
        assertThat(external(Map.of("DATABASE_SECRET", SECRET), null).params()).containsEntry("sslmode", "require");
        DatabaseTarget t = external(Map.of("DB_HOST", "h", "DB_PORT", "5433", "DB_NAME", "n", "DB_USER", "u", "DB_PASSWORD", "p"), null);
        assertThat(t.params()).containsEntry("sslmode", "require");
        assertThat(t.port()).isEqualTo(5433);
    }

    @Test
    void bad_settings_name_the_setting_and_never_the_password() {
        assertThatThrownBy(() -> external(Map.of("DATABASE_URL", "mysql://u:Sup3rSecret@h/db"), null))
                .isInstanceOf(ConfigException.class).hasMessageContaining("DATABASE_URL").hasMessageNotContaining("Sup3rSecret");
        assertThatThrownBy(() -> external(Map.of("DATABASE_SECRET", "{\"username\":\"u\",\"password\":\"Sup3rSecret\"}"), null))
                .isInstanceOf(ConfigException.class).hasMessageContaining("missing host").hasMessageNotContaining("Sup3rSecret");
        assertThatThrownBy(() -> external(Map.of("DATABASE_SECRET", "{not json Sup3rSecret"), null))
                .isInstanceOf(ConfigException.class).hasMessageContaining("not valid JSON").hasMessageNotContaining("Sup3rSecret");
        assertThatThrownBy(() -> external(Map.of("DB_HOST", "h", "DB_PASSWORD", "Sup3rSecret"), null))
                .isInstanceOf(ConfigException.class).hasMessageContaining("DB_PORT, DB_NAME, DB_USER").hasMessageNotContaining("Sup3rSecret");
        assertThatThrownBy(() -> external(Map.of("DATABASE_SECRET_FILE", "/nonexistent/secret.json"), null))
                .isInstanceOf(ConfigException.class).hasMessageContaining("DATABASE_SECRET_FILE");
    }
}

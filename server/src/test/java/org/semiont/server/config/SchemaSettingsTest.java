package org.semiont.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaSettingsTest {
    @TempDir
    Path dir;

    @Test
    void by_default_a_start_pushes_the_bundled_schema() {
        SchemaSettings s = SchemaSettings.from(new Environment(Map.of()), null);
        assertThat(s.sync()).isEqualTo(SchemaSettings.Sync.PUSH);
        assertThat(s.schemaFile()).isEmpty();
    }

    @Test
    void the_flag_wins_over_the_environment_for_the_schema_file() throws Exception {
        Path flag = Files.writeString(dir.resolve("a.prisma"), "");
        Path env = Files.writeString(dir.resolve("b.prisma"), "");
        SchemaSettings s = SchemaSettings.from(new Environment(Map.of("SEMIONT_SCHEMA", env.toString(),
                "SEMIONT_SCHEMA_SYNC", " Check ")), flag);
        assertThat(s.schemaFile()).contains(flag);
        assertThat(s.sync()).isEqualTo(SchemaSettings.Sync.CHECK);
    }

    @Test
    void an_unknown_sync_mode_is_refused_naming_the_setting_and_the_choices() {
        assertThatThrownBy(() -> SchemaSettings.from(new Environment(Map.of("SEMIONT_SCHEMA_SYNC", "always")), null))
                .isInstanceOf(ConfigException.class).hasMessage("SEMIONT_SCHEMA_SYNC must be push, check, migrate or off, got \"always\".");
    }

    @Test
    void a_schema_file_that_does_not_exist_is_refused_at_start() {
        assertThatThrownBy(() -> SchemaSettings.from(new Environment(Map.of()), dir.resolve("missing.prisma")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("missing.prisma").hasMessageContaining("--schema");
    }

    @Test
    void migrations_live_next_to_the_schema_file_unless_a_directory_is_named() throws Exception {
        Path schema = Files.writeString(dir.resolve("schema.prisma"), "");
        Path data = dir.resolve("data");
        assertThat(SchemaSettings.from(new Environment(Map.of()), null).migrationsDir(data)).isEqualTo(data.resolve("migrations"));
        assertThat(SchemaSettings.from(new Environment(Map.of("SEMIONT_SCHEMA_SYNC", "migrate")), schema).migrationsDir(data))
                .isEqualTo(dir.resolve("migrations"));
        assertThat(SchemaSettings.from(new Environment(Map.of("SEMIONT_MIGRATIONS_DIR", dir.resolve("m").toString())), schema)
                .migrationsDir(data)).isEqualTo(dir.resolve("m"));
    }
}

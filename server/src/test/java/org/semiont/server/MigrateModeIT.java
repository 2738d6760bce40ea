package org.semiont.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.semiont.schema.SchemaException;
import org.semiont.schema.migrate.MigrationDraft;
import org.semiont.schema.migrate.MigrationDrafter;
import org.semiont.schema.migrate.MigrationsFolder;
import org.semiont.schema.psl.PslParser;
import org.semiont.schema.target.TargetCalculator;
import org.semiont.server.config.ConfigException;
import org.semiont.server.config.Environment;
import org.semiont.server.config.ServerConfig;
import org.semiont.server.store.ApplicationSchema;
import org.semiont.server.store.SchemaState;

/** SEMIONT_SCHEMA_SYNC=migrate: a start applies the pending migrations and refuses to start when drifted. */
class MigrateModeIT {
    @TempDir
    Path dataDir;

    @TempDir
    Path migrations;

    private ServerConfig config() {
        Map<String, String> env = Map.of("SEMIONT_SCHEMA_SYNC", "migrate", "SEMIONT_MIGRATIONS_DIR", migrations.toString());
        return ServerConfig.from(new Environment(env), new ServerConfig.Overrides("127.0.0.1", 0, null, dataDir, null));
    }

    private void writeInitialMigration() {
        MigrationDraft draft = new MigrationDrafter().fromEmpty(TargetCalculator.calculate(
                PslParser.parse("schema.prisma", ApplicationSchema.text()), "public"));
        new MigrationsFolder(migrations).write("20260101000000_init", draft.up(), draft.down());
    }

    @Test
    void a_start_applies_pending_migrations_once_and_refuses_a_changed_applied_one_by_name() throws Exception {
        assertThatThrownBy(() -> ServerApp.start(config())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("holds no migrations").hasMessageContaining("semiont migrate dev --name init");
        writeInitialMigration();
        try (ServerApp app = ServerApp.start(config())) {
            assertThat(app.schemaState().status()).isEqualTo(SchemaState.Status.IN_SYNC);
            assertThat(app.schemaState().foreignObjects()).isEmpty();
            assertThat(ServerLifecycleIT.query(app.databaseTarget(),
                    "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL")).isEqualTo("20260101000000_init");
        }
        new MigrationsFolder(migrations).write("20260102000000_team_table", "CREATE TABLE team_notes (id int PRIMARY KEY);\n",
                "DROP TABLE team_notes;\n");
        try (ServerApp app = ServerApp.start(config())) {
            assertThat(app.schemaState().foreignObjects()).containsExactly("table `team_notes`");
            assertThat(ServerLifecycleIT.query(app.databaseTarget(), "SELECT count(*) FROM _prisma_migrations")).isEqualTo("2");
        }
        Path sql = migrations.resolve("20260101000000_init/migration.sql");
        Files.writeString(sql, Files.readString(sql) + "\n-- edited after deploy\n");

        assertThatThrownBy(() -> ServerApp.start(config())).isInstanceOf(SchemaException.class)
                .hasMessageContaining("20260101000000_init").hasMessageContaining("checksum");
    }

    @Test
    void a_start_refuses_when_the_migrations_do_not_produce_the_application_schema() throws Exception {
        writeInitialMigration();
        new MigrationsFolder(migrations).write("20260102000000_drop_index", "DROP INDEX \"sessions_userId_idx\";\n",
                "CREATE INDEX \"sessions_userId_idx\" ON \"sessions\"(\"userId\");\n");

        assertThatThrownBy(() -> ServerApp.start(config())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("SEMIONT_SCHEMA_SYNC=migrate").hasMessageContaining("sessions_userId_idx")
                .hasMessageContaining("semiont migrate dev");
    }
}

package org.semiont.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.semiont.server.config.ConfigException;
import org.semiont.server.config.Environment;
import org.semiont.server.config.ServerConfig;
import org.semiont.server.store.ApplicationSchema;
import org.semiont.server.store.SchemaState;
import org.semiont.server.testing.Http;

/** The start-up sync changes only what the schema declares; a team's own objects and models live beside it. */
class SchemaOwnershipIT {
    @TempDir
    Path dataDir;

    private ServerConfig config(Map<String, String> env) {
        return ServerConfig.from(new Environment(env), new ServerConfig.Overrides("127.0.0.1", 0, null, dataDir, null));
    }

    @Test
    void a_teams_table_index_and_column_survive_restarts_in_push_mode_and_are_reported() throws Exception {
        try (ServerApp app = ServerApp.start(config(Map.of()))) {
            ServerLifecycleIT.sql(app.databaseTarget(), "CREATE TABLE my_notes (id int PRIMARY KEY, body text)");
            ServerLifecycleIT.sql(app.databaseTarget(), "CREATE TABLE my_empty (id int)");
            ServerLifecycleIT.sql(app.databaseTarget(), "INSERT INTO my_notes VALUES (1, 'ours')");
            ServerLifecycleIT.sql(app.databaseTarget(), "CREATE INDEX documents_name_idx ON documents (name)");
            ServerLifecycleIT.sql(app.databaseTarget(), "ALTER TABLE documents ADD COLUMN reviewed boolean");
        }
        for (int restart = 0; restart < 2; restart++) {
            try (ServerApp app = ServerApp.start(config(Map.of()))) {
                assertThat(app.schemaState().status()).isEqualTo(SchemaState.Status.IN_SYNC);
                assertThat(app.schemaState().foreignObjects()).containsExactlyInAnyOrder("table `my_notes`", "table `my_empty`",
                        "column `reviewed` on table `documents`", "index `documents_name_idx` on table `documents`");
                assertThat(Http.get(app.url() + "/api/health").json().get("foreignObjects").asInt()).isEqualTo(4);
                assertThat(ServerLifecycleIT.query(app.databaseTarget(), "SELECT body FROM my_notes")).isEqualTo("ours");
                assertThat(ServerLifecycleIT.query(app.databaseTarget(),
                        "SELECT count(*) FROM pg_indexes WHERE indexname = 'documents_name_idx'")).isEqualTo("1");
                assertThat(ServerLifecycleIT.query(app.databaseTarget(), "SELECT to_regclass('my_empty')::text")).isEqualTo("my_empty");
            }
        }
    }

    @Test
    void check_mode_refuses_to_start_on_drift_naming_it_and_changes_nothing() throws Exception {
        try (ServerApp app = ServerApp.start(config(Map.of()))) {
            ServerLifecycleIT.sql(app.databaseTarget(), "DROP INDEX \"sessions_userId_idx\"");
        }
        assertThatThrownBy(() -> ServerApp.start(config(Map.of("SEMIONT_SCHEMA_SYNC", "check"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("SEMIONT_SCHEMA_SYNC=check").hasMessageContaining("sessions_userId_idx");
        try (ServerApp app = ServerApp.start(config(Map.of()))) {
            assertThat(ServerLifecycleIT.query(app.databaseTarget(),
                    "SELECT count(*) FROM pg_indexes WHERE indexname = 'sessions_userId_idx'")).isEqualTo("1");
        }
        try (ServerApp app = ServerApp.start(config(Map.of("SEMIONT_SCHEMA_SYNC", "check")))) {
            assertThat(app.schemaState().status()).isEqualTo(SchemaState.Status.IN_SYNC);
        }
    }

    @Test
    void a_team_schema_adds_its_own_model_with_a_relation_to_document_without_a_foreign_key() throws Exception {
        Path schema = teamSchema("relationMode = \"prisma\"");
        Map<String, String> env = new HashMap<>(Map.of("SEMIONT_SCHEMA", schema.toString()));
        try (ServerApp app = ServerApp.start(config(env))) {
            assertThat(app.schemaState().foreignObjects()).isEmpty();
            ServerLifecycleIT.sql(app.databaseTarget(), "INSERT INTO review_notes (id, \"documentId\", body) VALUES (1, 'doc-x', 'fine')");
            assertThat(ServerLifecycleIT.query(app.databaseTarget(),
                    "SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND conrelid = 'review_notes'::regclass")).isEqualTo("0");
        }
        try (ServerApp app = ServerApp.start(config(Map.of()))) {
            assertThat(app.schemaState().foreignObjects()).containsExactly("table `review_notes`");
            assertThat(ServerLifecycleIT.query(app.databaseTarget(), "SELECT body FROM review_notes")).isEqualTo("fine");
        }
    }

    @Test
    void a_team_schema_whose_model_would_hold_a_foreign_key_to_a_rebuilt_projection_is_refused_by_name() throws Exception {
        Path schema = teamSchema("");
        assertThatThrownBy(() -> ServerApp.start(config(Map.of("SEMIONT_SCHEMA", schema.toString()))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("review_notes").hasMessageContaining("`documents`")
                .hasMessageContaining("relationMode = \"prisma\"");
    }

    @Test
    void a_team_schema_that_changes_a_bundled_model_is_refused_naming_the_table() throws Exception {
        Path schema = dataDir.resolve("changed.prisma");
        Files.createDirectories(dataDir);
        Files.writeString(schema, ApplicationSchema.text().replace("  language           String?\n", ""));
        assertThatThrownBy(() -> ServerApp.start(config(Map.of("SEMIONT_SCHEMA", schema.toString()))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("table `documents` must keep the bundled columns");
    }

    private Path teamSchema(String relationMode) throws Exception {
        String text = ApplicationSchema.text()
                .replace("  url      = env(\"DATABASE_URL\")\n", "  url      = env(\"DATABASE_URL\")\n  " + relationMode + "\n")
                .replace("  updatedAt          DateTime\n\n  @@index([created(sort: Desc)])",
                        "  updatedAt          DateTime\n  reviewNotes        ReviewNote[]\n\n  @@index([created(sort: Desc)])")
                + """

                /// The team's own: review notes on documents.
                model ReviewNote {
                  id         Int      @id
                  documentId String
                  document   Document @relation(fields: [documentId], references: [id])
                  body       String

                  @@index([documentId])
                  @@map("review_notes")
                }
                """;
        assertThat(text).contains("reviewNotes").contains(relationMode);
        Path file = dataDir.resolve("schema.prisma");
        Files.createDirectories(dataDir);
        Files.writeString(file, text);
        return file;
    }
}

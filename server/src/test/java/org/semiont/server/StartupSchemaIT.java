package org.semiont.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.semiont.server.config.Environment;
import org.semiont.server.config.ServerConfig;
import org.semiont.server.store.ApplicationSchema;
import org.semiont.server.store.SchemaState;
import org.semiont.server.testing.Http;

/** Every start pushes the application schema: safe changes apply, risky ones wait for an operator. */
class StartupSchemaIT {
    @TempDir
    Path dataDir;

    private ServerConfig config() {
        return ServerConfig.from(new Environment(Map.of()), new ServerConfig.Overrides("127.0.0.1", 0, null, dataDir, null));
    }

    @Test
    void the_first_start_creates_the_users_table_and_the_next_start_finds_it_in_sync() throws Exception {
        try (ServerApp app = ServerApp.start(config())) {
            assertThat(app.schemaState().status()).isEqualTo(SchemaState.Status.IN_SYNC);
            assertThat(ServerLifecycleIT.query(app.databaseTarget(),
                    "SELECT string_agg(column_name, ',' ORDER BY ordinal_position) FROM information_schema.columns WHERE table_name = 'users'"))
                    .isEqualTo("id,email,name,image,domain,provider,providerId,isActive,isAdmin,isModerator,termsAcceptedAt,lastLogin,createdAt,updatedAt");
            ServerLifecycleIT.sql(app.databaseTarget(), "INSERT INTO users (id, email, image, domain, \"updatedAt\") "
                    + "VALUES ('c1', 'a@example.org', 'http://img', 'example.org', now())");
        }
        try (ServerApp app = ServerApp.start(config())) {
            assertThat(app.schemaState().status()).isEqualTo(SchemaState.Status.IN_SYNC);
            assertThat(Http.get(app.url() + "/api/health").json().get("schema").asText()).isEqualTo("in-sync");
            assertThat(status(app).get("schema").asText()).isEqualTo("in-sync");
        }
    }

    /** {@code GET /api/status} with a service token minted from the data dir's generated secret. */
    private com.fasterxml.jackson.databind.JsonNode status(ServerApp app) throws Exception {
        String secret = java.nio.file.Files.readString(dataDir.resolve("secrets").resolve(org.semiont.server.auth.JwtSecrets.FILE_NAME)).trim();
        String token = new org.semiont.server.auth.JwtCodec(secret, "semiont", java.time.Clock.systemUTC()).issueService();
        java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(app.url() + "/api/status"))
                        .header("Authorization", "Bearer " + token).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body());
    }

    @Test
    void a_change_that_would_lose_data_is_not_applied_and_is_reported_with_the_command_to_apply_it() throws Exception {
        try (ServerApp app = ServerApp.start(config())) {
            ServerLifecycleIT.sql(app.databaseTarget(), "INSERT INTO users (id, email, image, domain, \"updatedAt\") "
                    + "VALUES ('c1', 'a@example.org', 'http://img', 'example.org', now())");
        }
        // a declared column whose type changes: a column the schema stops declaring would be left alone instead
        String withoutImage = ApplicationSchema.text().replaceAll("\\n(\\s*)image(\\s+)String\\?", "\n$1image$2Int?");
        assertThat(withoutImage).contains("image           Int?");
        try (ServerApp app = ServerApp.start(config(), withoutImage)) {
            SchemaState state = app.schemaState();
            assertThat(state.status()).isEqualTo(SchemaState.Status.PENDING_CHANGES);
            assertThat(state.warnings()).anySatisfy(w -> assertThat(w).contains("`image`").contains("`users`").contains("data loss"));
            assertThat(state.command()).isEqualTo("semiont db push --declared-only --accept-data-loss --data-dir " + dataDir);
            assertThat(Http.get(app.url() + "/api/health").json().get("schema").asText()).isEqualTo("pending-changes");
            assertThat(status(app).get("schema").asText()).isEqualTo("pending-changes");
            assertThat(Http.get(app.url() + "/api/health/ready").status()).isEqualTo(200);
            assertThat(ServerLifecycleIT.query(app.databaseTarget(), "SELECT image FROM users")).isEqualTo("http://img");
        }
    }
}

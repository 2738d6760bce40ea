package org.semiont.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.semiont.server.api.ApiClient;
import org.semiont.server.api.ApiServer;
import org.semiont.server.config.Environment;
import org.semiont.server.config.ServerConfig;
import org.semiont.server.logging.LogSetup;
import org.semiont.server.testing.Eventually;
import org.semiont.server.testing.ExternalPostgres;
import org.semiont.server.testing.Http;

/** The server against a password-protected, TLS-only PostgreSQL reached only through settings. */
class ExternalDatabaseIT {
    static ExternalPostgres external;

    @TempDir
    static Path shared;

    @TempDir
    Path dataDir;

    @BeforeAll
    static void startExternal() throws Exception {
        external = ExternalPostgres.start(shared);
    }

    @AfterAll
    static void stopExternal() throws Exception {
        external.close();
    }

    /** A fresh data dir has a new event log, which a database that follows another one refuses: a fresh database too. */
    @BeforeEach
    void freshDatabase() throws Exception {
        external.recreateDatabase();
    }

    private ServerApp start(Map<String, String> env) {
        return ServerApp.start(ServerConfig.from(new Environment(env), new ServerConfig.Overrides("127.0.0.1", 0, null, dataDir, null)));
    }

    private static void assertConnected(ServerApp app) throws Exception {
        Http.Response health = Http.get(app.url() + "/api/health");
        assertThat(health.json().get("database").asText()).isEqualTo("connected");
        assertThat(app.databaseDescription()).contains("127.0.0.1:" + external.port() + "/" + ExternalPostgres.DATABASE)
                .doesNotContain(ExternalPostgres.PASSWORD);
        assertThat(Files.exists(app.config().dataDir().resolve("postgres"))).as("no embedded cluster").isFalse();
    }

    @Test
    void database_url_with_password_and_tls_is_used_and_the_password_never_reaches_the_log() throws Exception {
        Path logs = dataDir.resolve("logs");
        LogSetup.server(logs);
        try (ServerApp app = start(Map.of("DATABASE_URL", external.url()))) {
            assertConnected(app);
        } finally {
            LogSetup.console(ch.qos.logback.classic.Level.WARN);
        }
        String log = Files.readString(logs.resolve(LogSetup.LOG_FILE));
        assertThat(log).contains("listening on").doesNotContain(ExternalPostgres.PASSWORD);
    }

    @Test
    void an_aws_style_secret_json_is_accepted_with_sslmode_require() throws Exception {
        String secret = "{\"username\":\"" + ExternalPostgres.USER + "\",\"password\":\"" + ExternalPostgres.PASSWORD
                + "\",\"host\":\"127.0.0.1\",\"port\":" + external.port() + ",\"dbname\":\"" + ExternalPostgres.DATABASE + "\"}";
        try (ServerApp app = start(Map.of("DATABASE_SECRET", secret))) {
            assertConnected(app);
        }
        Path file = dataDir.resolve("secret.json");
        Files.writeString(file, secret);
        try (ServerApp app = start(Map.of("DATABASE_SECRET_FILE", file.toString()))) {
            assertConnected(app);
        }
    }

    @Test
    void the_original_semiont_db_variables_are_accepted() throws Exception {
        try (ServerApp app = start(Map.of("DB_HOST", "127.0.0.1", "DB_PORT", String.valueOf(external.port()),
                "DB_NAME", ExternalPostgres.DATABASE, "DB_USER", ExternalPostgres.USER, "DB_PASSWORD", ExternalPostgres.PASSWORD))) {
            assertConnected(app);
        }
    }

    @Test
    void a_wrong_password_fails_startup_without_showing_either_password() {
        String wrong = "Wr0ng-pa55word-zz";
        String url = external.url().replace(ExternalPostgres.PASSWORD, wrong);
        assertThatThrownBy(() -> start(Map.of("DATABASE_URL", url)))
                .hasMessageContaining("Cannot reach the database")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(wrong).doesNotContain(ExternalPostgres.PASSWORD));
    }

    @Test
    void a_database_outage_shows_in_health_and_readiness_and_the_server_recovers() throws Exception {
        try (ServerApp app = start(Map.of("DATABASE_URL", external.url()))) {
            assertThat(Http.get(app.url() + "/api/health/ready").status()).isEqualTo(200);
            external.stop();
            try {
                Eventually.within(Duration.ofSeconds(20), () -> {
                    Http.Response health = Http.get(app.url() + "/api/health");
                    assertThat(health.status()).isEqualTo(200);
                    assertThat(health.json().get("database").asText()).isEqualTo("disconnected");
                    assertThat(health.json().get("status").asText()).isEqualTo("degraded");
                });
                Http.Response ready = Http.get(app.url() + "/api/health/ready");
                assertThat(ready.status()).isEqualTo(503);
                assertThat(ready.json().get("reason").asText()).contains("database unreachable");
                assertThat(Http.get(app.url() + "/api/health/live").status()).isEqualTo(200);
            } finally {
                external.restart();
            }
            Eventually.within(Duration.ofSeconds(20), () -> {
                assertThat(Http.get(app.url() + "/api/health/ready").status()).isEqualTo(200);
                assertThat(Http.get(app.url() + "/api/health").json().get("database").asText()).isEqualTo("connected");
            });
        }
    }

    /** A database that starts after the server (containers started together, a busy machine) does not fail the start. */
    @Test
    void a_start_waits_for_a_database_that_comes_up_after_it() throws Exception {
        external.stop();
        java.util.concurrent.CompletableFuture<ServerApp> starting;
        try {
            starting = java.util.concurrent.CompletableFuture.supplyAsync(() -> start(Map.of("DATABASE_URL", external.url())));
            Thread.sleep(3000);
            assertThat(starting).as("the start waits instead of failing").isNotDone();
        } finally {
            external.restart();
        }
        try (ServerApp app = starting.get(60, java.util.concurrent.TimeUnit.SECONDS)) {
            assertConnected(app);
        }
    }

    /** While the database is away, requests get 503 with Retry-After (the server's state, not a bug). */
    @Test
    void requests_during_an_outage_get_503_and_retry_after_and_the_server_recovers() throws Exception {
        try (ApiServer server = ApiServer.start(dataDir, Map.of("DATABASE_URL", external.url(), "SEMIONT_DB_CONNECTION_TIMEOUT", "1s",
                "ENABLE_LOCAL_AUTH", "true"))) {
            ApiClient alice = server.user("alice@example.org", false, false);
            String doc = alice.post("/api/documents", Map.of("name", "Outage", "content", "Alice met Bob")).json()
                    .get("document").get("id").asText();
            external.stop();
            try {
                ApiClient.Response list = alice.get("/api/documents");
                assertThat(list.status()).as(list.body()).isEqualTo(503);
                assertThat(list.json().get("code").asText()).isEqualTo("SERVICE_UNAVAILABLE");
                assertThat(list.json().get("error").asText()).contains("database").doesNotContain("read it back");
                assertThat(list.header("Retry-After")).contains("5");
                ApiClient.Response write = alice.post("/api/annotations", Map.of("motivation", "highlighting",
                        "target", Map.of("source", doc, "selector", Map.of("type", "TextQuoteSelector", "exact", "Alice")),
                        "body", List.of()));
                assertThat(write.status()).as(write.body()).isEqualTo(503);
                assertThat(write.json().get("error").asText()).contains("read it back");
            } finally {
                external.restart();
            }
            Eventually.within(Duration.ofSeconds(30), () -> assertThat(alice.get("/api/documents").status()).isEqualTo(200));
            assertThat(alice.get("/api/documents/" + doc).json().get("document").get("name").asText()).isEqualTo("Outage");
        }
    }

    @Test
    void with_schema_sync_off_a_runtime_role_allowed_only_to_read_and_write_rows_starts_and_serves() throws Exception {
        try (ServerApp app = start(Map.of("DATABASE_URL", external.url()))) {
            assertConnected(app);
        }
        external.asSuperuser("DROP ROLE IF EXISTS semiont_runtime",
                "CREATE ROLE semiont_runtime LOGIN PASSWORD 'Runt1me-pw'",
                "GRANT CONNECT ON DATABASE " + ExternalPostgres.DATABASE + " TO semiont_runtime",
                "GRANT USAGE ON SCHEMA public TO semiont_runtime",
                "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO semiont_runtime");
        String runtime = external.url().replace(ExternalPostgres.USER + ":" + ExternalPostgres.PASSWORD, "semiont_runtime:Runt1me-pw");

        assertThatThrownBy(() -> start(Map.of("DATABASE_URL", runtime, "SEMIONT_SCHEMA_SYNC", "push",
                "SEMIONT_SCHEMA", writeSchemaWithAnExtraModel().toString())))
                .hasMessageContaining("permission denied");
        try (ApiServer server = ApiServer.start(dataDir, Map.of("DATABASE_URL", runtime, "SEMIONT_SCHEMA_SYNC", "off"))) {
            assertThat(Http.get(server.url() + "/api/health").json().get("schema").asText()).isEqualTo("unchecked");
            assertThat(Http.get(server.url() + "/api/health/ready").status()).isEqualTo(200);
            ApiClient admin = server.user("ops@example.org", true, false);
            assertThat(ApiServer.createDocument(admin, "written by a DML-only role", "hello").get("name").asText())
                    .isEqualTo("written by a DML-only role");
        }
        external.asSuperuser("REASSIGN OWNED BY semiont_runtime TO " + ExternalPostgres.USER, "DROP OWNED BY semiont_runtime",
                "DROP ROLE semiont_runtime");
    }

    private Path writeSchemaWithAnExtraModel() throws Exception {
        Path file = dataDir.resolve("team.prisma");
        Files.writeString(file, org.semiont.server.store.ApplicationSchema.text() + "\nmodel Note {\n  id Int @id\n}\n");
        return file;
    }
}

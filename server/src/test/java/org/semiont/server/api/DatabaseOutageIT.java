package org.semiont.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.semiont.server.testing.Eventually;
import org.semiont.server.testing.ExternalPostgres;

/** While the database is away, requests get 503 with Retry-After (the server's state, not a bug), and then work again. */
class DatabaseOutageIT {
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
}

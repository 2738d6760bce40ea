package org.semiont.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.semiont.server.config.DatabaseTarget;

/**
 * While the projection cannot apply a saved write, the writer gets a 503 that says so without the database's own
 * error text; once the cause is gone the projector's retry applies it, and nothing is lost.
 */
class ProjectionStallIT {
    @TempDir
    Path dataDir;

    @Test
    void a_write_the_projection_cannot_apply_yet_is_503_without_internals_and_appears_once_it_can() throws Exception {
        try (ApiServer server = ApiServer.start(dataDir)) {
            ApiClient alice = server.user("alice@example.org", false, false);
            String doc = ApiServer.createDocument(alice, "Stalled", "Alice met Bob.").get("id").asText();
            DatabaseTarget db = server.app().databaseTarget();
            sql(db, "CREATE FUNCTION refuse() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'internal-detail-7f3a'; END $$ "
                    + "LANGUAGE plpgsql; CREATE TRIGGER refuse BEFORE INSERT ON annotations FOR EACH ROW EXECUTE FUNCTION refuse()");

            ApiClient.Response stalled = alice.post("/api/annotations", Map.of("motivation", "highlighting",
                    "target", Map.of("source", doc)));
            assertThat(stalled.status()).as(stalled.body()).isEqualTo(503);
            assertThat(stalled.json().get("code").asText()).isEqualTo("SERVICE_UNAVAILABLE");
            assertThat(stalled.json().get("error").asText()).contains("saved").contains("projections status")
                    .doesNotContain("internal-detail-7f3a");
            JsonNode health = server.anonymous().get("/api/health").json();
            assertThat(health.get("status").asText()).isEqualTo("degraded");
            assertThat(health.get("writes").asText()).isEqualTo("blocked");
            assertThat(health.get("writesBlockedBy").asText()).contains("projection").doesNotContain("internal-detail-7f3a");
            assertThat(server.anonymous().get("/api/health/ready").status()).isEqualTo(503);

            sql(db, "DROP TRIGGER refuse ON annotations; DROP FUNCTION refuse()");
            long deadline = System.nanoTime() + 60_000_000_000L;
            int total = 0;
            while (total == 0 && System.nanoTime() < deadline) {
                total = alice.get("/api/annotations?documentId=" + doc).json().get("total").asInt();
                Thread.sleep(100);
            }
            assertThat(total).as("the saved write, applied by the projector's retry").isEqualTo(1);
            assertThat(server.anonymous().get("/api/health").json().get("writes").asText()).isEqualTo("ok");
            assertThat(server.anonymous().get("/api/health/ready").status()).isEqualTo(200);
        }
    }

    private static void sql(DatabaseTarget t, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(t.jdbcUrl(), t.jdbcProperties()); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}

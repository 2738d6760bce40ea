package org.semiont.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.semiont.events.EventLog;
import org.semiont.events.ExpectedVersion;
import org.semiont.events.NewEvent;
import org.semiont.server.testing.Eventually;

/**
 * One event that cannot be projected stops the projection at that event, never silently: health names it, the admin
 * status names it with the way out, a start gives up at once naming it, and the operator's recorded decision to skip
 * it lets everything after it through (and every rebuild after). Nothing is lost from the log.
 */
class PoisonEventIT {
    @TempDir
    Path dataDir;

    /** An entity tag far larger than a GIN index entry may be: the document projection's UPDATE fails on it. */
    private static NewEvent unprojectableTag(String documentId) {
        StringBuilder tag = new StringBuilder();
        Random r = new Random(7);
        for (int i = 0; i < 9000; i++) {
            tag.append((char) ('a' + r.nextInt(26)));
        }
        ObjectNode p = JsonNodeFactory.instance.objectNode().put("entityType", tag.toString());
        return NewEvent.of("entitytag.added", documentId, "someone", p);
    }

    @Test
    void a_request_as_deep_as_the_old_poison_is_refused_and_nothing_is_appended() {
        try (ApiServer server = ApiServer.start(dataDir)) {
            ApiClient alice = server.user("alice@example.org", false, false);
            String doc = ApiServer.createDocument(alice, "Deep", "Alice met Bob.").get("id").asText();
            long before = server.app().api().events().lastPosition();
            String deep = "[".repeat(999) + "]".repeat(999);
            ApiClient.Response r = alice.post("/annotations/", "{\"@context\":\"http://www.w3.org/ns/anno.jsonld\","
                    + "\"type\":\"Annotation\",\"target\":\"" + doc + "\",\"generator\":" + deep + "}");
            assertThat(r.status()).as(r.body()).isEqualTo(400);
            assertThat(r.json().get("error").asText()).contains("64 levels");
            assertThat(server.app().api().events().lastPosition()).isEqualTo(before);
            String allowed = "[".repeat(60) + "]".repeat(60);
            ApiClient.Response ok = alice.post("/annotations/", "{\"@context\":\"http://www.w3.org/ns/anno.jsonld\","
                    + "\"type\":\"Annotation\",\"target\":\"" + doc + "\",\"generator\":" + allowed + "}");
            assertThat(ok.status()).as(ok.body()).isEqualTo(201);
            assertThat(server.anonymous().get("/api/health").json().toString()).doesNotContain("blocked");
        }
    }

    @Test
    void a_poison_event_is_named_and_a_recorded_skip_lets_writes_and_restarts_through() throws Exception {
        long poison;
        String doc;
        try (ApiServer server = ApiServer.start(dataDir)) {
            ApiClient admin = server.user("root@example.org", true, false);
            ApiClient bob = server.user("bob@example.org", false, false);
            doc = ApiServer.createDocument(admin, "Poisoned", "Alice met Bob.").get("id").asText();
            EventLog log = server.app().api().events();
            poison = log.append(doc, ExpectedVersion.any(), unprojectableTag(doc)).events().get(0).position();
            Eventually.within(Duration.ofSeconds(20), () -> assertThat(server.app().api().projector().blocked()).isPresent());
            JsonNode health = server.anonymous().get("/api/health").json();
            assertThat(health.toString()).contains("global position " + poison).contains("entitytag.added")
                    .doesNotContain(doc);
            JsonNode status = admin.get("/api/admin/projections").json();
            assertThat(status.get("blocked").get("position").asLong()).isEqualTo(poison);
            assertThat(status.get("blocked").get("command").asText()).contains("--position " + poison);
            assertThat(admin.post("/api/admin/projections/skip", Map.of("position", poison, "reason", " ")).status()).isEqualTo(400);
            assertThat(bob.post("/api/admin/projections/skip",
                    Map.of("position", poison, "reason", "x")).status()).isEqualTo(403);
            ApiClient.Response skip = admin.post("/api/admin/projections/skip", Map.of("position", poison,
                    "reason", "tag from a buggy importer"));
            assertThat(skip.status()).as(skip.body()).isEqualTo(200);
            Eventually.within(Duration.ofSeconds(20), () -> assertThat(server.app().api().projector().blocked()).isEmpty());
            assertThat(admin.post("/api/admin/projections/skip", Map.of("position", poison, "reason", "again")).status())
                    .isEqualTo(409);
            assertThat(admin.post("/api/admin/projections/skip", Map.of("position", 1, "reason", "projected")).status())
                    .isEqualTo(409);
            ApiServer.createDocument(admin, "After", "Writes pass again.");
            assertThat(server.anonymous().get("/api/health").json().toString()).doesNotContain("cannot apply");
            assertThat(server.app().api().maintenance().check()).isEmpty();
        }
        try (ApiServer again = ApiServer.start(dataDir)) {
            JsonNode status = again.service().get("/api/admin/projections").json();
            assertThat(status.get("blocked").isNull()).isTrue();
            assertThat(status.get("skipped").get(0).get("position").asLong()).isEqualTo(poison);
            assertThat(status.get("skipped").get(0).get("reason").asText()).isEqualTo("tag from a buggy importer");
            assertThat(again.app().api().maintenance().check()).isEmpty();
            assertThat(again.app().api().events().verify(null).defects()).isEmpty();
        }
    }

    @Test
    void a_start_that_meets_a_poison_event_gives_up_at_once_naming_it() {
        String doc;
        try (ApiServer server = ApiServer.start(dataDir)) {
            doc = ApiServer.createDocument(server.user("root@example.org", true, false), "Doc", "Text.").get("id").asText();
        }
        long poison;
        try (EventLog log = EventLog.open(dataDir)) {
            poison = log.append(doc, ExpectedVersion.any(), unprojectableTag(doc)).events().get(0).position();
        }
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> ApiServer.start(dataDir).close()).hasMessageContaining("global position " + poison)
                .hasMessageContaining("semiont projections skip --position " + poison);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(60));
    }
}

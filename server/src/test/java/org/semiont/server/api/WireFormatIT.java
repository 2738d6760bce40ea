package org.semiont.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golden shapes of the original Semiont API that existing clients read: bodies keep the shape they were sent in (in the
 * create response, later reads, events and SSE), nothing is filled into them, the event payloads carry what the
 * original's carry, the first SSE frame has an integer id, and users/me has no null where the original has a string.
 */
class WireFormatIT {
    static final String ISO_MS = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z";
    @TempDir
    static Path dataDir;
    static ApiServer server;
    static ApiClient alice;
    static String doc;

    @BeforeAll
    static void start() {
        server = ApiServer.start(dataDir);
        alice = server.user("alice@example.org", false, false);
        doc = ApiServer.createDocument(alice, "Wire doc", "Alice met Bob in Paris.").get("id").asText();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Map<String, Object> annotation(Object body) {
        return Map.of("motivation", "commenting", "body", body, "target", Map.of("source", doc, "selector",
                List.of(Map.of("type", "TextPositionSelector", "start", 0, "end", 5), Map.of("type", "TextQuoteSelector", "exact", "Alice"))));
    }

    static JsonNode json(Object o) {
        return ApiClient.JSON.valueToTree(o);
    }

    /** The annotation as the create response, GET, the document's list and the document's events show it. */
    static List<JsonNode> everyView(JsonNode created) {
        String id = created.get("id").asText();
        JsonNode got = alice.get("/api/annotations/" + java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8)
                + "?documentId=" + doc).json().get("annotation");
        JsonNode listed = null;
        for (JsonNode a : alice.get("/api/documents/" + doc + "/annotations").json().get("annotations")) {
            if (a.get("id").asText().equals(id)) {
                listed = a;
            }
        }
        JsonNode event = null;
        for (JsonNode e : alice.get("/api/documents/" + doc + "/events?type=annotation.added").json().get("events")) {
            if (e.get("event").get("payload").get("annotation").get("id").asText().equals(id)) {
                event = e.get("event").get("payload").get("annotation");
            }
        }
        return List.of(created, got, listed, event);
    }

    @Test
    void an_object_body_stays_an_object_with_nothing_added_in_every_view() {
        Map<String, Object> body = Map.of("type", "TextualBody", "value", "a note");
        ApiClient.Response r = alice.post("/api/annotations", annotation(body));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        for (JsonNode a : everyView(r.json().get("annotation"))) {
            assertThat(a).isNotNull();
            assertThat(a.get("body")).isEqualTo(json(body));
        }
    }

    @Test
    void an_array_body_stays_an_array_with_nothing_added_in_every_view() {
        List<Object> body = List.of(Map.of("type", "TextualBody", "value", "Person"), Map.of("type", "SpecificResource", "source", doc));
        ApiClient.Response r = alice.post("/api/annotations", annotation(body));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        for (JsonNode a : everyView(r.json().get("annotation"))) {
            assertThat(a.get("body")).isEqualTo(json(body));
        }
        ApiClient.Response empty = alice.post("/api/annotations", annotation(List.of()));
        assertThat(empty.json().get("annotation").get("body")).isEqualTo(json(List.of()));
        java.util.HashMap<String, Object> nullBody = new java.util.HashMap<>(annotation(List.of()));
        nullBody.put("body", null);
        ApiClient.Response none = alice.post("/api/annotations", nullBody);
        assertThat(none.status()).as(none.body()).isEqualTo(201);
        assertThat(none.json().get("annotation").has("body")).as("a null body is left out, not served as null").isFalse();
    }

    @Test
    void a_body_posted_to_the_w3c_container_keeps_its_shape() {
        Map<String, Object> body = Map.of("type", "TextualBody", "value", "container note");
        ApiClient.Response r = alice.sendBytes("POST", "/annotations/", json(Map.of("@context", "http://www.w3.org/ns/anno.jsonld",
                "type", "Annotation", "body", body, "target", "http://example.com/page")).toString().getBytes(), "application/ld+json");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("body")).isEqualTo(json(body));
        String path = r.json().get("id").asText().substring(server.app().config().baseUrl().length());
        assertThat(alice.get(path).json().get("body")).isEqualTo(json(body));
    }

    @Test
    void a_rebuild_of_the_projections_gives_the_same_bodies_as_the_live_projection() {
        alice.post("/api/annotations", annotation(Map.of("type", "TextualBody", "value", "object for rebuild")));
        alice.post("/api/annotations", annotation(List.of(Map.of("type", "TextualBody", "value", "array for rebuild"))));
        assertThat(server.app().api().maintenance().check()).as("live rows equal a rebuild from the log").isEmpty();
    }

    @Test
    void the_annotation_added_payload_carries_modified_and_document_created_carries_is_draft() {
        alice.post("/api/annotations", annotation(List.of()));
        JsonNode events = alice.get("/api/documents/" + doc + "/events").json().get("events");
        JsonNode created = events.get(0).get("event");
        assertThat(created.get("type").asText()).isEqualTo("document.created");
        assertThat(created.get("payload").get("isDraft").isBoolean()).isTrue();
        assertThat(created.get("payload").get("isDraft").asBoolean()).isFalse();
        JsonNode added = null;
        for (JsonNode e : events) {
            if (e.get("event").get("type").asText().equals("annotation.added")) {
                added = e.get("event").get("payload").get("annotation");
            }
        }
        assertThat(added).isNotNull();
        assertThat(added.get("modified").asText()).matches(ISO_MS);
        assertThat(added.has("creator")).isFalse();
        assertThat(added.has("created")).isFalse();
    }

    @Test
    void the_first_sse_frame_is_stream_connected_with_an_integer_id_and_events_keep_the_body_shape() throws Exception {
        String url = server.url() + "/api/documents/" + doc + "/events/stream";
        String jwt = server.signIn("alice@example.org").token();
        try (EventStreamIT.SseReader sse = new EventStreamIT.SseReader(url, jwt, null)) {
            EventStreamIT.Frame hello = sse.next();
            assertThat(hello.event()).isEqualTo("stream-connected");
            assertThat(hello.id()).matches("\\d+");
            JsonNode data = ApiClient.JSON.readTree(hello.data());
            assertThat(data.get("type").asText()).isEqualTo("connected");
            assertThat(data.get("documentId").asText()).isEqualTo(doc);
            assertThat(data.get("timestamp").asText()).matches(ISO_MS);
            assertThat(data.get("message").asText()).isEqualTo("Event stream connected");
            Map<String, Object> body = Map.of("type", "TextualBody", "value", "streamed");
            alice.post("/api/annotations", annotation(body));
            EventStreamIT.Frame added = sse.next();
            assertThat(added.event()).isEqualTo("annotation.added");
            assertThat(Long.parseLong(added.id())).isGreaterThan(Long.parseLong(hello.id()));
            assertThat(ApiClient.JSON.readTree(added.data()).get("payload").get("annotation").get("body")).isEqualTo(json(body));
        }
    }

    @Test
    void users_me_for_a_user_without_a_name_has_the_email_local_part_and_no_nulls_where_the_original_has_strings() {
        assertThat(server.service().post("/api/admin/users", Map.of("email", "nameless.one@example.org", "password", ApiServer.PASSWORD))
                .status()).isEqualTo(201);
        ApiClient nameless = server.signIn("nameless.one@example.org");
        JsonNode me = nameless.get("/api/users/me").json();
        assertThat(me.get("name").asText()).isEqualTo("nameless.one");
        assertThat(me.get("lastLogin").asText()).matches(ISO_MS);
        assertThat(me.get("created").asText()).matches(ISO_MS);
        assertThat(me.get("email").asText()).isEqualTo("nameless.one@example.org");
        for (String key : List.of("id", "email", "name", "domain", "provider", "lastLogin", "created")) {
            assertThat(me.get(key)).as(key).isNotNull();
            assertThat(me.get(key).isTextual()).as(key).isTrue();
        }
        assertThat(me.get("isAdmin").isBoolean()).isTrue();
        assertThat(me.get("isActive").isBoolean()).isTrue();
    }

    @Test
    void users_me_for_a_user_who_never_signed_in_leaves_last_login_out_rather_than_null() {
        assertThat(server.service().post("/api/admin/users", Map.of("email", "never@example.org", "password", ApiServer.PASSWORD))
                .status()).isEqualTo(201);
        JsonNode listed = null;
        for (JsonNode u : server.service().get("/api/admin/users").json().get("users")) {
            if (u.get("email").asText().equals("never@example.org")) {
                listed = u;
            }
        }
        assertThat(listed).isNotNull();
        assertThat(listed.has("lastLogin")).isFalse();
        assertThat(listed.get("name").asText()).isEqualTo("never");
    }
}

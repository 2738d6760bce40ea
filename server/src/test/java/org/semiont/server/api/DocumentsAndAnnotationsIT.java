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

/** Documents and annotations through the real API: shapes, consistency between create and GET, filters. */
class DocumentsAndAnnotationsIT {
    @TempDir
    static Path dataDir;
    static ApiServer server;
    static ApiClient alice;

    @BeforeAll
    static void start() {
        server = ApiServer.start(dataDir);
        alice = server.user("alice@example.org", false, false);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Map<String, Object> highlight(String documentId, int start, int end) {
        return Map.of("motivation", "highlighting", "target", Map.of("source", documentId, "selector", List.of(
                Map.of("type", "TextPositionSelector", "start", start, "end", end),
                Map.of("type", "TextQuoteSelector", "exact", "Alice"))), "body", List.of());
    }

    @Test
    void a_created_document_is_returned_by_get_exactly_as_the_create_response_said() {
        ApiClient.Response created = alice.post("/api/documents", Map.of("name", "Hello Doc", "content", "Alice met Bob.",
                "format", "text/plain", "entityTypes", List.of("Person"), "language", "en"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode doc = created.json().get("document");
        assertThat(doc.get("id").asText()).startsWith("doc-sha256:").hasSize(11 + 64);
        assertThat(doc.get("name").asText()).isEqualTo("Hello Doc");
        assertThat(doc.get("creator").get("name").asText()).isEqualTo("alice");
        ApiClient.Response got = alice.get("/api/documents/" + doc.get("id").asText());
        assertThat(got.status()).isEqualTo(200);
        assertThat(got.json()).isEqualTo(created.json());
        ApiClient.Response content = alice.get("/api/documents/" + doc.get("id").asText() + "/content");
        assertThat(content.body()).isEqualTo("Alice met Bob.");
        assertThat(content.header("Content-Type").orElseThrow()).startsWith("text/plain");
    }

    @Test
    void a_markdown_file_uploaded_as_multipart_becomes_a_document_with_its_bytes() {
        String boundary = "----semiont" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nNotes\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"entityTypes\"\r\n\r\nConcept\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"notes.md\"\r\n"
                + "Content-Type: text/markdown\r\n\r\n# Title\n\nSome *notes*.\r\n--" + boundary + "--\r\n";
        ApiClient.Response r = alice.sendBytes("POST", "/api/documents", body.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "multipart/form-data; boundary=" + boundary, "Origin", "http://localhost:3000");
        assertThat(r.header("Access-Control-Allow-Origin")).as("without CORS_ORIGIN, no origin is allowed").isEmpty();
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode doc = r.json().get("document");
        assertThat(doc.get("format").asText()).isEqualTo("text/markdown");
        assertThat(doc.get("creationMethod").asText()).isEqualTo("upload");
        assertThat(doc.get("entityTypes").get(0).asText()).isEqualTo("Concept");
        assertThat(alice.get("/api/documents/" + doc.get("id").asText() + "/content").body()).isEqualTo("# Title\n\nSome *notes*.");
    }

    @Test
    void creating_the_same_content_twice_is_a_conflict_naming_the_existing_document() {
        JsonNode doc = ApiServer.createDocument(alice, "Twice", "same content twice");
        ApiClient.Response again = alice.post("/api/documents", Map.of("name", "Other", "content", "same content twice"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("error").asText()).contains(doc.get("id").asText());
    }

    @Test
    void an_annotation_create_response_equals_its_get_and_its_list_entry() {
        String docId = ApiServer.createDocument(alice, "Annotated", "Alice met Bob in Paris.").get("id").asText();
        ApiClient.Response created = alice.post("/api/annotations", highlight(docId, 0, 5));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode a = created.json().get("annotation");
        assertThat(a.get("@context").asText()).isEqualTo("http://www.w3.org/ns/anno.jsonld");
        assertThat(a.get("id").asText()).startsWith(server.app().config().baseUrl() + "/annotations/");
        assertThat(a.get("creator").get("id").asText()).isNotBlank();
        assertThat(a.get("created").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        String shortId = a.get("id").asText().substring(a.get("id").asText().lastIndexOf('/') + 1);
        assertThat(alice.get("/api/annotations/" + shortId).json().get("annotation")).isEqualTo(a);
        String encodedIri = java.net.URLEncoder.encode(a.get("id").asText(), java.nio.charset.StandardCharsets.UTF_8);
        ApiClient.Response byIri = alice.get("/api/annotations/" + encodedIri);
        assertThat(byIri.status()).as(byIri.body()).isEqualTo(200);
        assertThat(byIri.json().get("annotation")).isEqualTo(a);
        JsonNode list = alice.get("/api/annotations?documentId=" + docId).json();
        assertThat(list.get("total").asInt()).isEqualTo(1);
        assertThat(list.get("annotations").get(0)).isEqualTo(a);
        assertThat(alice.get("/api/documents/" + docId).json().get("annotations").get(0)).isEqualTo(a);
    }

    @Test
    void a_body_update_adds_replaces_and_removes_items_and_the_history_lists_every_change_but_no_op() {
        String docId = ApiServer.createDocument(alice, "Bodies", "Tag me please.").get("id").asText();
        JsonNode a = alice.post("/api/annotations", highlight(docId, 0, 3)).json().get("annotation");
        String id = a.get("id").asText().substring(a.get("id").asText().lastIndexOf('/') + 1);
        Map<String, Object> tag = Map.of("type", "TextualBody", "value", "Person", "purpose", "tagging");
        Map<String, Object> note = Map.of("type", "TextualBody", "value", "a note", "purpose", "commenting");
        ApiClient.Response added = alice.send("PUT", "/api/annotations/" + id + "/body", Map.of("documentId", docId,
                "operations", List.of(Map.of("op", "add", "item", tag), Map.of("op", "add", "item", tag))));
        assertThat(added.status()).as(added.body()).isEqualTo(200);
        assertThat(added.json().get("annotation").get("body")).hasSize(1);
        JsonNode replaced = alice.send("PUT", "/api/annotations/" + id + "/body", Map.of("operations",
                List.of(Map.of("op", "replace", "oldItem", tag, "newItem", note)))).json().get("annotation");
        assertThat(replaced.get("body").get(0).get("value").asText()).isEqualTo("a note");
        assertThat(alice.get("/api/annotations/" + id).json().get("annotation")).isEqualTo(replaced);
        ApiClient.Response retried = alice.send("PUT", "/api/annotations/" + id + "/body", Map.of("operations",
                List.of(Map.of("op", "replace", "oldItem", tag, "newItem", note), Map.of("op", "remove", "item", tag))));
        assertThat(retried.status()).as(retried.body()).isEqualTo(200);
        assertThat(retried.json().get("annotation")).as("a change already made leaves the annotation as it was, modified too")
                .isEqualTo(replaced);
        JsonNode history = alice.get("/api/documents/" + docId + "/annotations/" + id + "/history").json();
        assertThat(history.get("total").asInt()).isEqualTo(3);
        assertThat(history.get("events").get(0).get("event").get("type").asText()).isEqualTo("annotation.added");
        assertThat(alice.send("DELETE", "/api/annotations/" + id, null).status()).isEqualTo(204);
        assertThat(alice.get("/api/annotations/" + id).status()).isEqualTo(404);
        assertThat(alice.get("/api/documents/" + docId + "/annotations/" + id + "/history").json().get("total").asInt()).isEqualTo(4);
    }

    @Test
    void the_document_list_filters_by_entity_type_archived_and_name_and_pages() {
        String a = ApiServer.createDocument(alice, "Zebra facts", "zebras are striped").get("id").asText();
        ApiServer.createDocument(alice, "Lion facts", "lions roar");
        ApiClient.Response patched = alice.send("PATCH", "/api/documents/" + a, Map.of("archived", true, "entityTypes", List.of("Animal")));
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(patched.json().get("document").get("archived").asBoolean()).isTrue();
        assertThat(patched.json().get("document").get("entityTypes")).hasSize(1);
        ApiClient.Response renamed = alice.send("PATCH", "/api/documents/" + a, Map.of("name", "Renamed", "archived", false));
        assertThat(renamed.status()).as("a name the PATCH would ignore is refused, not answered 200").isEqualTo(400);
        assertThat(renamed.json().get("error").asText()).contains("\"name\"").contains("archived");
        assertThat(alice.get("/api/documents/" + a).json().get("document").get("archived").asBoolean()).isTrue();
        JsonNode archived = alice.get("/api/documents?archived=true").json();
        assertThat(archived.get("documents")).extracting(d -> d.get("id").asText()).contains(a);
        JsonNode animals = alice.get("/api/documents?entityType=Animal").json();
        assertThat(animals.get("total").asInt()).isEqualTo(1);
        JsonNode search = alice.get("/api/documents/search?q=ZEBRA").json();
        assertThat(search.get("documents").get(0).get("content").asText()).isEqualTo("zebras are striped");
        JsonNode paged = alice.get("/api/documents?limit=1&offset=1").json();
        assertThat(paged.get("documents")).hasSize(1);
        assertThat(paged.get("limit").asInt()).isEqualTo(1);
        assertThat(alice.get("/api/documents?archived=maybe").status()).isEqualTo(400);
        JsonNode events = alice.get("/api/documents/" + a + "/events?type=entitytag.added").json();
        assertThat(events.get("total").asInt()).isEqualTo(1);
        assertThat(events.get("events").get(0).get("metadata").get("sequenceNumber").asInt()).isGreaterThan(1);
    }

    @Test
    void a_linking_annotation_shows_up_as_a_backlink_of_the_linked_document() {
        String from = ApiServer.createDocument(alice, "From", "Alice links to there.").get("id").asText();
        String to = ApiServer.createDocument(alice, "To", "the target").get("id").asText();
        ApiClient.Response r = alice.post("/api/annotations", Map.of("motivation", "linking", "target", Map.of("source", from,
                "selector", Map.of("type", "TextQuoteSelector", "exact", "Alice")), "body", List.of(Map.of("type", "SpecificResource",
                "source", to, "purpose", "linking"))));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode back = alice.get("/api/documents/" + to + "/referenced-by").json().get("referencedBy");
        assertThat(back).hasSize(1);
        assertThat(back.get(0).get("documentName").asText()).isEqualTo("From");
        assertThat(back.get(0).get("target").get("selector").get("exact").asText()).isEqualTo("Alice");
    }

    @Test
    void entity_types_start_with_the_nine_defaults_and_only_moderators_add_more() throws Exception {
        assertThat(alice.get("/api/entity-types").json().get("entityTypes")).hasSizeGreaterThanOrEqualTo(9);
        assertThat(alice.post("/api/entity-types", Map.of("tag", "Animal")).status()).isEqualTo(403);
        ApiClient mod = server.user("mod@example.org", false, true);
        JsonNode r = mod.post("/api/entity-types/bulk", Map.of("tags", List.of("Animal", "Plant"))).json();
        assertThat(r.get("entityTypes")).extracting(JsonNode::asText).contains("Animal", "Plant", "Person");
        JsonNode file = ApiClient.JSON.readTree(dataDir.resolve("projections/entity-types/entity-types.json").toFile());
        assertThat(file.get("entityTypes")).extracting(JsonNode::asText).contains("Animal", "Plant", "Person");
        for (String bad : List.of("Animal ", " Animal", "Ani\nmal", "Ani\u0007mal")) {
            ApiClient.Response refused = mod.post("/api/entity-types", Map.of("tag", bad));
            assertThat(refused.status()).as(bad).isEqualTo(400);
            ApiClient.Response onDocument = alice.post("/api/documents", Map.of("name", "Typed", "content", "typed " + bad.length(),
                    "entityTypes", List.of(bad)));
            assertThat(onDocument.status()).as("a document's entity types follow the same rule").isEqualTo(400);
        }
        assertThat(mod.get("/api/entity-types").json().get("entityTypes")).extracting(JsonNode::asText)
                .noneMatch(t -> !t.strip().equals(t));
    }
}

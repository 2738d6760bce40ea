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

/** The W3C Web Annotation Protocol container at /annotations/ and annotation IRIs that dereference. */
class AnnotationProtocolIT {
    static final String LD = "application/ld+json; profile=\"http://www.w3.org/ns/anno.jsonld\"";
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

    static Map<String, Object> external(String note) {
        return Map.of("@context", "http://www.w3.org/ns/anno.jsonld", "type", "Annotation",
                "body", Map.of("type", "TextualBody", "value", note), "target", "http://example.com/page1");
    }

    private static ApiClient.Response post(Object body, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Content-Type";
        all[1] = LD;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return alice.sendBytes("POST", "/annotations/", ApiClient.JSON.valueToTree(body).toString().getBytes(), LD, headers);
    }

    @Test
    void posting_to_the_container_creates_an_annotation_whose_iri_dereferences_to_it() {
        ApiClient.Response r = post(external("nice page"), "Slug", "my-note");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String iri = server.app().config().baseUrl() + "/annotations/my-note";
        assertThat(iri).as("started on port 0, the IRIs name the port it listens on").startsWith(server.url() + "/");
        assertThat(r.header("Location")).contains(iri);
        assertThat(r.header("Content-Type").orElseThrow()).contains("application/ld+json").contains("anno.jsonld");
        assertThat(r.header("ETag").orElseThrow()).startsWith("\"");
        assertThat(r.headers().get("Link").toString()).contains("ldp#Resource").contains("oa#Annotation");
        assertThat(r.json().get("id").asText()).isEqualTo(iri);
        ApiClient.Response got = alice.get("/annotations/my-note");
        assertThat(got.status()).isEqualTo(200);
        assertThat(got.json()).isEqualTo(r.json());
        assertThat(got.header("Allow").orElseThrow()).contains("PUT").contains("DELETE");
        assertThat(got.header("Vary").orElseThrow()).contains("Accept");
        assertThat(post(external("again"), "Slug", "my-note").json().get("id").asText()).isNotEqualTo(iri);
    }

    @Test
    void an_annotation_posted_on_one_of_our_documents_also_appears_in_that_documents_annotations() {
        String doc = ApiServer.createDocument(alice, "Protocol doc", "W3C protocol target.").get("id").asText();
        ApiClient.Response r = post(Map.of("@context", "http://www.w3.org/ns/anno.jsonld", "type", "Annotation", "motivation", "commenting",
                "target", Map.of("source", doc, "selector", Map.of("type", "TextQuoteSelector", "exact", "W3C"))));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode list = alice.get("/api/annotations?documentId=" + doc).json();
        assertThat(list.get("annotations").get(0)).isEqualTo(r.json());
    }

    /** The history reads raw bytes first: an id inside another annotation's id must not bring that one's events. */
    @Test
    void the_history_of_an_annotation_lists_its_own_events_only_next_to_one_whose_id_contains_its_id() {
        String doc = ApiServer.createDocument(alice, "History doc", "Two notes here.").get("id").asText();
        Map<String, Object> target = Map.of("source", doc, "selector", Map.of("type", "TextQuoteSelector", "exact", "notes"));
        for (String slug : List.of("hist", "hist-2")) {
            ApiClient.Response r = post(Map.of("@context", "http://www.w3.org/ns/anno.jsonld", "type", "Annotation",
                    "motivation", "commenting", "target", target), "Slug", slug);
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }
        ApiClient.Response updated = alice.send("PUT", "/api/annotations/hist-2/body", Map.of("operations", List.of(Map.of("op",
                "add", "item", Map.of("type", "TextualBody", "value", "Person", "purpose", "tagging")))));
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        JsonNode own = alice.get("/api/documents/" + doc + "/annotations/hist/history").json();
        assertThat(own.get("total").asInt()).isEqualTo(1);
        assertThat(own.get("events").get(0).get("event").get("payload").get("annotation").get("id").asText()).endsWith("/hist");
        assertThat(alice.get("/api/documents/" + doc + "/annotations/hist-2/history").json().get("total").asInt()).isEqualTo(2);
        assertThat(alice.get("/api/documents/" + doc + "/annotations/his/history").status()).isEqualTo(404);
    }

    @Test
    void conditional_get_put_and_delete_use_the_etag() {
        ApiClient.Response created = post(external("v1"));
        String path = "/annotations/" + created.json().get("id").asText().replaceAll(".*/", "");
        String etag = created.header("ETag").orElseThrow();
        assertThat(alice.get(path, "If-None-Match", etag).status()).isEqualTo(304);
        assertThat(alice.get(path, "If-None-Match", "\"other\"").status()).isEqualTo(200);
        byte[] v2 = ApiClient.JSON.valueToTree(external("v2")).toString().getBytes();
        assertThat(alice.sendBytes("PUT", path, v2, LD).status()).isEqualTo(428);
        assertThat(alice.sendBytes("PUT", path, v2, LD, "If-Match", "\"stale\"").status()).isEqualTo(412);
        assertThat(alice.sendBytes("PUT", path, "{}".getBytes(), LD, "If-Match", "\"stale\"").status()).as("before the content")
                .isEqualTo(412);
        ApiClient.Response put = alice.sendBytes("PUT", path, v2, LD, "If-Match", etag);
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(put.json().get("body").get("value").asText()).as("the object body sent stays an object").isEqualTo("v2");
        assertThat(put.json().get("created")).isEqualTo(created.json().get("created"));
        String etag2 = put.header("ETag").orElseThrow();
        assertThat(etag2).isNotEqualTo(etag);
        assertThat(alice.send("DELETE", path, null, "If-Match", etag).status()).isEqualTo(412);
        assertThat(alice.send("DELETE", path, null, "If-Match", etag2).status()).isEqualTo(204);
        assertThat(alice.get(path).status()).isEqualTo(404);
    }

    @Test
    void a_posted_id_is_kept_as_via_and_a_put_keeps_id_canonical_via_and_the_document() {
        Map<String, Object> withId = new java.util.HashMap<>(external("from elsewhere"));
        withId.put("id", "http://other.example/annos/7");
        withId.put("canonical", "urn:uuid:0b8f6c3e-1c1f-4c5e-9a55-1e0a2f1f7c11");
        ApiClient.Response created = post(withId, "Slug", "kept");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("id").asText()).endsWith("/annotations/kept");
        assertThat(created.json().get("via").asText()).isEqualTo("http://other.example/annos/7");
        String etag = created.header("ETag").orElseThrow();

        Map<String, Object> renamed = new java.util.HashMap<>(external("renamed"));
        renamed.put("id", server.app().config().baseUrl() + "/annotations/other");
        assertInvalid(alice.sendBytes("PUT", "/annotations/kept", bytes(renamed), LD, "If-Match", etag), "id cannot change");
        Map<String, Object> recanonized = new java.util.HashMap<>(external("recanonized"));
        recanonized.put("canonical", "urn:uuid:other");
        assertInvalid(alice.sendBytes("PUT", "/annotations/kept", bytes(recanonized), LD, "If-Match", etag), "canonical cannot change");
        String doc = ApiServer.createDocument(alice, "Not a new home", "Moving target.").get("id").asText();
        Map<String, Object> moved = new java.util.HashMap<>(external("moved"));
        moved.put("target", doc);
        assertInvalid(alice.sendBytes("PUT", "/annotations/kept", bytes(moved), LD, "If-Match", etag), "cannot move onto document");
        assertThat(alice.get("/api/annotations?documentId=" + doc).json().get("total").asInt()).isZero();

        Map<String, Object> sameId = new java.util.HashMap<>(external("v2"));
        sameId.put("id", created.json().get("id").asText());
        ApiClient.Response put = alice.sendBytes("PUT", "/annotations/kept", bytes(sameId), LD, "If-Match", etag);
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(put.json().get("body").get("value").asText()).as("the object body sent stays an object").isEqualTo("v2");
        assertThat(put.json().get("canonical")).as("left out of the PUT, kept").isEqualTo(created.json().get("canonical"));
        assertThat(put.json().get("via")).isEqualTo(created.json().get("via"));
    }

    @Test
    void an_annotation_on_a_document_cannot_be_put_onto_another_document() {
        String home = ApiServer.createDocument(alice, "Home", "Stays home.").get("id").asText();
        String away = ApiServer.createDocument(alice, "Away", "Not here.").get("id").asText();
        ApiClient.Response created = post(Map.of("@context", "http://www.w3.org/ns/anno.jsonld", "type", "Annotation",
                "motivation", "highlighting", "target", Map.of("source", home)), "Slug", "homebody");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String etag = created.header("ETag").orElseThrow();
        for (Object target : List.of(Map.of("source", away), "http://example.com/elsewhere")) {
            byte[] body = bytes(Map.of("@context", "http://www.w3.org/ns/anno.jsonld", "type", "Annotation",
                    "motivation", "highlighting", "target", target));
            assertInvalid(alice.sendBytes("PUT", "/annotations/homebody", body, LD, "If-Match", etag), "cannot move off document " + home);
        }
        assertThat(alice.get("/api/annotations?documentId=" + home).json().get("annotations").get(0)).isEqualTo(created.json());
        assertThat(alice.get("/api/annotations?documentId=" + away).json().get("total").asInt()).isZero();
    }

    private static byte[] bytes(Object body) {
        return ApiClient.JSON.valueToTree(body).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void assertInvalid(ApiClient.Response r, String mentioned) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().get("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(r.json().get("error").asText()).contains(mentioned);
    }

    @Test
    void the_container_is_an_ldp_basic_container_and_a_paged_annotation_collection() {
        for (int i = 0; i < 25; i++) {
            post(external("n" + i));
        }
        ApiClient.Response c = alice.get("/annotations/", "Accept", LD);
        assertThat(c.status()).isEqualTo(200);
        assertThat(c.headers().get("Link").toString()).contains("ldp#BasicContainer").contains("constrainedBy");
        assertThat(c.header("Allow").orElseThrow()).contains("POST");
        assertThat(c.header("Accept-Post").orElseThrow()).contains("application/ld+json");
        assertThat(c.header("Vary").orElseThrow()).contains("Prefer");
        JsonNode body = c.json();
        assertThat(body.get("type").toString()).contains("BasicContainer").contains("AnnotationCollection");
        long total = body.get("total").asLong();
        assertThat(total).isGreaterThanOrEqualTo(25);
        JsonNode first = body.get("first");
        assertThat(first.get("type").asText()).isEqualTo("AnnotationPage");
        assertThat(first.get("items")).hasSize(20);
        assertThat(first.get("next").asText()).endsWith("?page=1");
        JsonNode page1 = alice.get("/annotations/?page=1").json();
        assertThat(page1.get("partOf").get("total").asLong()).isEqualTo(total);
        assertThat(page1.get("prev").asText()).endsWith("?page=0");
        assertThat(page1.get("startIndex").asInt()).isEqualTo(20);
        assertThat(body.get("last").asText()).endsWith("?page=" + (total - 1) / 20);
        assertThat(alice.get("/annotations/?page=999").status()).isEqualTo(404);
    }

    @Test
    void the_container_and_its_pages_carry_etags_that_change_with_the_contents() {
        post(external("before"));
        ApiClient.Response c = alice.get("/annotations/", "Accept", LD);
        String etag = c.header("ETag").orElseThrow();
        assertThat(alice.get("/annotations/", "Accept", LD, "If-None-Match", etag).status()).isEqualTo(304);
        String pageTag = alice.get("/annotations/?page=0", "Accept", LD).header("ETag").orElseThrow();
        assertThat(pageTag).isNotEqualTo(etag);
        post(external("after"));
        ApiClient.Response changed = alice.get("/annotations/", "Accept", LD, "If-None-Match", etag);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.header("ETag").orElseThrow()).isNotEqualTo(etag);
    }

    @Test
    void prefer_selects_a_minimal_container_or_contained_iris() {
        post(external("pref"));
        JsonNode minimal = alice.get("/annotations/", "Prefer",
                "return=representation;include=\"http://www.w3.org/ns/ldp#PreferMinimalContainer\"").json();
        assertThat(minimal.get("first").isTextual()).isTrue();
        JsonNode iris = alice.get("/annotations/", "Prefer",
                "return=representation;include=\"http://www.w3.org/ns/oa#PreferContainedIRIs\"").json();
        assertThat(iris.get("first").get("items").get(0).isTextual()).isTrue();
        assertThat(iris.get("first").get("items").get(0).asText()).startsWith(server.app().config().baseUrl() + "/annotations/");
    }

    @Test
    void head_options_and_content_negotiation_behave() {
        ApiClient.Response head = alice.send("HEAD", "/annotations/", null);
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(alice.send("OPTIONS", "/annotations/", null).header("Allow").orElseThrow()).contains("POST");
        assertThat(alice.get("/annotations/", "Accept", "text/html").status()).isEqualTo(406);
        ApiClient.Response plain = alice.sendBytes("POST", "/annotations/", "hello".getBytes(), "text/plain");
        assertThat(plain.status()).isEqualTo(415);
        assertThat(server.anonymous().get("/annotations/").status()).isEqualTo(401);
        ApiClient.Response noTarget = post(Map.of("type", "Annotation", "body", List.of()));
        assertThat(noTarget.status()).isEqualTo(400);
    }
}

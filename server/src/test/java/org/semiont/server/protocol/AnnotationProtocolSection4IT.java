package org.semiont.server.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.semiont.server.api.ApiClient;
import org.semiont.server.api.ApiServer;

/**
 * The requirements of §4 of the W3C Web Annotation Protocol Recommendation, one test each (MUST and SHOULD), named
 * after the section they come from. HTTPS (§4, SHOULD) is left to the proxy in front: the server binds loopback.
 */
class AnnotationProtocolSection4IT {
    static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    static final String LD = "application/ld+json; profile=\"http://www.w3.org/ns/anno.jsonld\"";
    static final String MINIMAL = "return=representation;include=\"http://www.w3.org/ns/ldp#PreferMinimalContainer\"";
    static final String IRIS = "return=representation;include=\"http://www.w3.org/ns/oa#PreferContainedIRIs\"";
    static final String DESCRIPTIONS = "return=representation;include=\"http://www.w3.org/ns/oa#PreferContainedDescriptions\"";
    @TempDir
    static Path dataDir;
    static ApiServer server;
    static ApiClient alice;
    static String container;

    @BeforeAll
    static void start() {
        server = ApiServer.start(dataDir);
        alice = server.user("alice@example.org", false, false);
        container = server.app().config().baseUrl() + "/annotations/";
        for (int i = 0; i < 3; i++) {
            post(note("seed " + i));
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Map<String, Object> note(String text) {
        return Map.of("@context", "http://www.w3.org/ns/anno.jsonld", "type", "Annotation",
                "body", Map.of("type", "TextualBody", "value", text), "target", "http://example.com/page1");
    }

    static ApiClient.Response post(Object body, String... headers) {
        return alice.sendBytes("POST", "/annotations/", JSON.valueToTree(body).toString().getBytes(), LD, headers);
    }

    static String path(String iri) {
        return iri.substring(server.app().config().baseUrl().length());
    }

    static String links(ApiClient.Response r) {
        return String.valueOf(r.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("Link"))
                .map(Map.Entry::getValue).findFirst().orElse(List.of()));
    }

    // §4.1 Annotation Retrieval

    @Test
    void section_4_1_an_annotation_iri_answers_get_head_and_options() {
        String p = path(post(note("retrieve")).json().get("id").asText());
        assertThat(alice.get(p).status()).isEqualTo(200);
        ApiClient.Response head = alice.send("HEAD", p, null);
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.header("ETag")).isEqualTo(alice.get(p).header("ETag"));
        ApiClient.Response options = alice.send("OPTIONS", p, null);
        assertThat(options.status()).isEqualTo(200);
        assertThat(options.header("Allow").orElseThrow()).contains("GET", "HEAD", "OPTIONS", "PUT", "DELETE");
    }

    @Test
    void section_4_1_json_ld_with_the_anno_profile_is_the_default_and_turtle_is_offered() {
        String p = path(post(note("formats")).json().get("id").asText());
        assertThat(alice.get(p).header("Content-Type").orElseThrow()).startsWith("application/ld+json")
                .contains("profile=\"http://www.w3.org/ns/anno.jsonld\"");
        assertThat(alice.get(p, "Accept", LD).header("Content-Type").orElseThrow()).contains("anno.jsonld");
        assertThat(alice.get(p, "Accept", "text/turtle").header("Content-Type").orElseThrow()).startsWith("text/turtle");
    }

    @Test
    void section_4_1_every_annotation_response_links_ldp_resource_and_carries_etag_allow_and_vary() {
        String p = path(post(note("headers")).json().get("id").asText());
        for (String method : List.of("GET", "HEAD", "OPTIONS")) {
            ApiClient.Response r = alice.send(method, p, null);
            assertThat(links(r)).as(method).contains("<http://www.w3.org/ns/ldp#Resource>; rel=\"type\"");
            assertThat(r.header("Allow")).as(method).isPresent();
            assertThat(r.header("Vary").orElseThrow()).as(method).contains("Accept");
            if (!method.equals("OPTIONS")) {
                assertThat(r.header("ETag").orElseThrow()).as(method).startsWith("\"");
            }
        }
    }

    @Test
    void section_4_1_a_matching_if_none_match_answers_304() {
        String p = path(post(note("cache")).json().get("id").asText());
        String etag = alice.get(p).header("ETag").orElseThrow();
        assertThat(alice.get(p, "If-None-Match", etag).status()).isEqualTo(304);
    }

    // §4.2 Annotation Containers

    @Test
    void section_4_2_the_container_iri_ends_with_a_slash_and_is_a_basic_container_and_annotation_collection() {
        JsonNode body = alice.get("/annotations/").json();
        assertThat(body.get("id").asText()).startsWith(container);
        assertThat(container).endsWith("/");
        assertThat(body.get("type").toString()).contains("BasicContainer", "AnnotationCollection");
        assertThat(body.get("@context").toString()).contains("http://www.w3.org/ns/anno.jsonld", "http://www.w3.org/ns/ldp.jsonld");
    }

    @Test
    void section_4_2_container_responses_carry_the_required_headers_on_get_head_and_options() {
        for (String method : List.of("GET", "HEAD", "OPTIONS")) {
            ApiClient.Response r = alice.send(method, "/annotations/", null);
            assertThat(r.status()).as(method).isEqualTo(200);
            assertThat(links(r)).as(method).contains("<http://www.w3.org/ns/ldp#BasicContainer>; rel=\"type\"")
                    .contains("rel=\"http://www.w3.org/ns/ldp#constrainedBy\"").contains("http://www.w3.org/TR/annotation-protocol/");
            assertThat(r.header("Allow").orElseThrow()).as(method).contains("GET", "HEAD", "OPTIONS", "POST");
            assertThat(r.header("Vary").orElseThrow()).as(method).contains("Accept").contains("Prefer");
            assertThat(r.header("Accept-Post").orElseThrow()).as(method).isEqualTo(LD);
            if (!method.equals("OPTIONS")) {
                assertThat(r.header("ETag").orElseThrow()).as(method).startsWith("\"");
            }
        }
    }

    @Test
    void section_4_2_the_container_names_its_representation_in_content_location_equal_to_the_body_id() {
        ApiClient.Response get = alice.get("/annotations/");
        assertThat(get.header("Content-Location").orElseThrow()).isEqualTo(get.json().get("id").asText())
                .isNotEqualTo(container).startsWith(container);
        ApiClient.Response head = alice.send("HEAD", "/annotations/", null);
        assertThat(head.header("Content-Location")).isEqualTo(get.header("Content-Location"));
    }

    @Test
    void section_4_2_the_container_carries_total_modified_first_and_last() {
        ObjectNode created = (ObjectNode) post(note("latest")).json();
        JsonNode body = alice.get("/annotations/").json();
        assertThat(body.get("total").isIntegralNumber()).isTrue();
        assertThat(body.get("modified").asText()).isEqualTo(created.get("modified").asText());
        assertThat(body.get("first").get("type").asText()).isEqualTo("AnnotationPage");
        assertThat(body.get("last").asText()).startsWith(container + "?page=");
    }

    // §4.2.1 Container Representations

    @Test
    void section_4_2_1_each_preference_gives_a_representation_with_its_own_iri_in_content_location_and_body() {
        ApiClient.Response minimal = alice.get("/annotations/", "Prefer", MINIMAL);
        ApiClient.Response iris = alice.get("/annotations/", "Prefer", IRIS);
        ApiClient.Response descriptions = alice.get("/annotations/", "Prefer", DESCRIPTIONS);
        for (ApiClient.Response r : List.of(minimal, iris, descriptions)) {
            assertThat(r.header("Content-Location").orElseThrow()).isEqualTo(r.json().get("id").asText());
            assertThat(r.header("Preference-Applied").orElseThrow()).isEqualTo("return=representation");
        }
        assertThat(List.of(minimal.json().get("id").asText(), iris.json().get("id").asText(), descriptions.json().get("id").asText()))
                .doesNotHaveDuplicates();
        assertThat(minimal.json().get("first").isTextual()).isTrue();
        assertThat(iris.json().get("first").get("items").get(0).isTextual()).isTrue();
        assertThat(descriptions.json().get("first").get("items").get(0).get("type").asText()).isEqualTo("Annotation");
    }

    @Test
    void section_4_2_1_the_iri_of_each_representation_dereferences_to_it_without_prefer() {
        for (String prefer : List.of(MINIMAL, IRIS, DESCRIPTIONS)) {
            JsonNode chosen = alice.get("/annotations/", "Prefer", prefer).json();
            ApiClient.Response direct = alice.get(path(chosen.get("id").asText()));
            assertThat(direct.status()).isEqualTo(200);
            assertThat(direct.json()).as(prefer).isEqualTo(chosen);
            assertThat(direct.header("Content-Location").orElseThrow()).isEqualTo(chosen.get("id").asText());
        }
    }

    // §4.2.2 Annotation Pages

    @Test
    void section_4_2_2_a_page_has_its_id_part_of_with_total_and_modified_start_index_and_items() {
        JsonNode c = alice.get("/annotations/", "Prefer", IRIS).json();
        ApiClient.Response r = alice.get(path(c.get("last").asText()));
        JsonNode page = r.json();
        assertThat(page.get("type").asText()).isEqualTo("AnnotationPage");
        assertThat(page.get("id").asText()).isEqualTo(c.get("last").asText());
        JsonNode partOf = page.get("partOf");
        assertThat(partOf.get("id").asText()).isEqualTo(c.get("id").asText());
        assertThat(partOf.get("total").asLong()).isEqualTo(c.get("total").asLong());
        assertThat(partOf.get("modified").asText()).isEqualTo(c.get("modified").asText());
        assertThat(page.get("startIndex").isIntegralNumber()).isTrue();
        assertThat(page.get("items").isArray()).isTrue();
        assertThat(r.header("ETag")).isPresent();
    }

    // §4.3 Creating Annotations

    @Test
    void section_4_3_post_assigns_an_iri_and_answers_201_with_location_etag_and_the_annotation() {
        ApiClient.Response r = post(note("created"));
        assertThat(r.status()).isEqualTo(201);
        String id = r.json().get("id").asText();
        assertThat(id).startsWith(container);
        assertThat(r.header("Location").orElseThrow()).isEqualTo(id);
        assertThat(r.header("ETag").orElseThrow()).isEqualTo(alice.get(path(id)).header("ETag").orElseThrow());
        assertThat(r.header("Content-Type").orElseThrow()).contains("anno.jsonld");
        assertThat(links(r)).contains("ldp#Resource");
    }

    @Test
    void section_4_3_a_slug_may_name_the_iri() {
        ApiClient.Response r = post(note("slugged"), "Slug", "section-4-3");
        assertThat(r.json().get("id").asText()).isEqualTo(container + "section-4-3");
    }

    @Test
    void section_4_3_an_incoming_id_is_replaced_and_kept_in_via_and_canonical_is_preserved() {
        Map<String, Object> a = new java.util.HashMap<>(note("from elsewhere"));
        a.put("id", "http://elsewhere.example/anno/1");
        a.put("canonical", "urn:uuid:0b1c8a5e-1111-4a4a-9999-123456789abc");
        JsonNode created = post(a).json();
        assertThat(created.get("id").asText()).startsWith(container);
        assertThat(created.get("via").toString()).contains("http://elsewhere.example/anno/1");
        assertThat(created.get("canonical").asText()).isEqualTo("urn:uuid:0b1c8a5e-1111-4a4a-9999-123456789abc");
    }

    @Test
    void section_4_3_invalid_annotations_are_400_and_other_media_types_415() {
        assertThat(post(Map.of("type", "Annotation")).status()).isEqualTo(400);
        assertThat(alice.sendBytes("POST", "/annotations/", "{not json".getBytes(), LD).status()).isEqualTo(400);
        assertThat(alice.sendBytes("POST", "/annotations/", "hello".getBytes(), "text/plain").status()).isEqualTo(415);
    }

    // §4.4 Updating Annotations

    @Test
    void section_4_4_put_with_the_current_etag_replaces_and_answers_200_with_a_new_etag() {
        ApiClient.Response created = post(note("v1"));
        String p = path(created.json().get("id").asText());
        ObjectNode next = (ObjectNode) created.json().deepCopy();
        next.set("body", JSON.valueToTree(Map.of("type", "TextualBody", "value", "v2")));
        ApiClient.Response put = alice.sendBytes("PUT", p, next.toString().getBytes(), LD, "If-Match", created.header("ETag").orElseThrow());
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(put.json().get("body").toString()).contains("\"value\":\"v2\"");
        assertThat(put.header("ETag").orElseThrow()).isNotEqualTo(created.header("ETag").orElseThrow());
        assertThat(alice.get(p).json()).isEqualTo(put.json());
    }

    @Test
    void section_4_4_put_without_if_match_is_428_and_with_a_stale_one_412() {
        ApiClient.Response created = post(note("guarded"));
        String p = path(created.json().get("id").asText());
        byte[] same = created.body().getBytes();
        assertThat(alice.sendBytes("PUT", p, same, LD).status()).isEqualTo(428);
        assertThat(alice.sendBytes("PUT", p, same, LD, "If-Match", "\"stale\"").status()).isEqualTo(412);
    }

    @Test
    void section_4_4_put_may_not_change_the_id_or_canonical() {
        Map<String, Object> a = new java.util.HashMap<>(note("fixed"));
        a.put("canonical", "urn:uuid:0b1c8a5e-2222-4a4a-9999-123456789abc");
        ApiClient.Response created = post(a);
        String p = path(created.json().get("id").asText());
        String etag = created.header("ETag").orElseThrow();
        ObjectNode otherId = (ObjectNode) created.json().deepCopy();
        otherId.put("id", container + "somewhere-else");
        assertThat(alice.sendBytes("PUT", p, otherId.toString().getBytes(), LD, "If-Match", etag).status()).isEqualTo(400);
        ObjectNode otherCanonical = (ObjectNode) created.json().deepCopy();
        otherCanonical.put("canonical", "urn:uuid:0b1c8a5e-3333-4a4a-9999-123456789abc");
        assertThat(alice.sendBytes("PUT", p, otherCanonical.toString().getBytes(), LD, "If-Match", etag).status()).isEqualTo(400);
    }

    // §4.5 Deleting Annotations

    @Test
    void section_4_5_delete_answers_204_and_the_annotation_is_gone_from_its_iri_and_the_container() {
        String id = post(note("doomed")).json().get("id").asText();
        ApiClient.Response deleted = alice.send("DELETE", path(id), null);
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
        assertThat(alice.get(path(id)).status()).isIn(404, 410);
        JsonNode c = alice.get("/annotations/?iris=1").json();
        long total = c.get("total").asLong();
        for (long n = 0; n <= (total - 1) / 20; n++) {
            assertThat(alice.get("/annotations/?page=" + n + "&iris=1").json().get("items").toString()).doesNotContain(id + "\"");
        }
    }

    // §4.6 Error Conditions

    @Test
    void section_4_6_a_method_a_resource_does_not_allow_is_405_with_allow() {
        ApiClient.Response onContainer = alice.send("PUT", "/annotations/", "{}");
        assertThat(onContainer.status()).isEqualTo(405);
        assertThat(onContainer.header("Allow").orElseThrow()).contains("POST");
        String p = path(post(note("no posting here")).json().get("id").asText());
        ApiClient.Response onAnnotation = alice.send("POST", p, "{}");
        assertThat(onAnnotation.status()).isEqualTo(405);
        assertThat(onAnnotation.header("Allow").orElseThrow()).contains("PUT");
    }

    @Test
    void section_4_6_an_unacceptable_accept_is_406_and_an_unknown_annotation_404() {
        assertThat(alice.get("/annotations/", "Accept", "text/html").status()).isEqualTo(406);
        assertThat(alice.get("/annotations/no-such-annotation").status()).isEqualTo(404);
    }
}

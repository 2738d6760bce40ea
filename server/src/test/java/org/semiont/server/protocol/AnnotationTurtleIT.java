package org.semiont.server.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.semiont.server.api.ApiClient;
import org.semiont.server.api.ApiServer;

/** Turtle from the W3C protocol routes over real HTTP: annotations, the container and pages, negotiation, ETags. */
class AnnotationTurtleIT {
    static final String LD = "application/ld+json; profile=\"http://www.w3.org/ns/anno.jsonld\"";
    static final String TTL = "text/turtle";
    static final String OA = "http://www.w3.org/ns/oa#";
    static final String AS = "http://www.w3.org/ns/activitystreams#";
    static final String XSD = "http://www.w3.org/2001/XMLSchema#";
    static final String TYPE = TurtleTriples.RDF + "type";
    static final ObjectMapper JSON = new ObjectMapper();
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

    static byte[] annotation(String note) {
        try {
            return JSON.writeValueAsBytes(Map.of("@context", "http://www.w3.org/ns/anno.jsonld", "type", "Annotation",
                    "motivation", "commenting", "body", Map.of("type", "TextualBody", "value", note),
                    "target", "http://example.com/page1"));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    static ApiClient.Response post(String note, String... headers) {
        ApiClient.Response r = alice.sendBytes("POST", "/annotations/", annotation(note), LD, headers);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r;
    }

    static String path(ApiClient.Response created) {
        return "/annotations/" + created.header("Location").orElseThrow().replaceAll(".*/", "");
    }

    static TurtleTriples turtle(ApiClient.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.header("Content-Type").orElseThrow()).startsWith(TTL);
        return TurtleTriples.parse(r.body());
    }

    @Test
    void an_annotation_iri_dereferences_to_turtle_with_the_same_statements_as_its_json_ld() {
        ApiClient.Response created = post("quote \" and\nnew line");
        String iri = "<" + created.header("Location").orElseThrow() + ">";
        TurtleTriples t = turtle(alice.get(path(created), "Accept", TTL));
        assertThat(t.only(iri, TYPE)).isEqualTo("<" + OA + "Annotation>");
        assertThat(t.only(iri, OA + "motivatedBy")).isEqualTo("<" + OA + "commenting>");
        assertThat(t.only(iri, OA + "hasTarget")).isEqualTo("<http://example.com/page1>");
        String body = t.only(iri, OA + "hasBody");
        assertThat(t.only(body, TurtleTriples.RDF + "value")).isEqualTo("\"quote \" and\nnew line\"^^<" + XSD + "string>");
        String createdAt = created.json().get("created").asText();
        assertThat(t.only(iri, "http://purl.org/dc/terms/created")).isEqualTo("\"" + createdAt + "\"^^<" + XSD + "dateTime>");
        String creator = t.only(iri, "http://purl.org/dc/terms/creator");
        assertThat(t.only(creator, "http://xmlns.com/foaf/0.1/name")).isEqualTo("\"alice\"^^<" + XSD + "string>");
    }

    @Test
    void head_gives_turtle_headers_without_a_body() {
        ApiClient.Response created = post("head");
        ApiClient.Response head = alice.send("HEAD", path(created), null, "Accept", TTL);
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.header("Content-Type").orElseThrow()).startsWith(TTL);
        assertThat(head.body()).isEmpty();
        assertThat(head.header("Vary").orElseThrow()).contains("Accept");
    }

    @Test
    void q_values_choose_between_json_ld_and_turtle_and_anything_else_is_406() {
        String path = path(post("negotiated"));
        assertThat(alice.get(path, "Accept", "application/ld+json;q=0.4, text/turtle;q=0.8").header("Content-Type").orElseThrow())
                .startsWith(TTL);
        assertThat(alice.get(path, "Accept", "text/turtle;q=0.4, " + LD).header("Content-Type").orElseThrow())
                .contains("application/ld+json").contains("anno.jsonld");
        assertThat(alice.get(path, "Accept", "application/json, text/turtle;q=0.9").json().get("type").asText()).isEqualTo("Annotation");
        ApiClient.Response html = alice.get(path, "Accept", "text/html");
        assertThat(html.status()).isEqualTo(406);
        assertThat(html.json().get("code").asText()).isEqualTo("NOT_ACCEPTABLE");
        assertThat(html.json().get("error").asText()).contains("text/turtle");
        assertThat(alice.get("/annotations/", "Accept", "text/turtle;q=0, application/ld+json;q=0").status()).isEqualTo(406);
    }

    @Test
    void each_representation_has_its_own_etag_and_either_one_satisfies_if_match() {
        ApiClient.Response created = post("v1");
        String path = path(created);
        String jsonTag = alice.get(path, "Accept", LD).header("ETag").orElseThrow();
        String turtleTag = alice.get(path, "Accept", TTL).header("ETag").orElseThrow();
        assertThat(turtleTag).isNotEqualTo(jsonTag).startsWith("\"");
        assertThat(jsonTag).isEqualTo(created.header("ETag").orElseThrow());
        assertThat(alice.get(path, "Accept", TTL, "If-None-Match", turtleTag).status()).isEqualTo(304);
        assertThat(alice.get(path, "Accept", TTL, "If-None-Match", jsonTag).status()).isEqualTo(200);
        assertThat(alice.get(path, "Accept", LD, "If-None-Match", turtleTag).status()).isEqualTo(200);
        ApiClient.Response put = alice.sendBytes("PUT", path, annotation("v2"), LD, "If-Match", turtleTag, "Accept", TTL);
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(put.header("ETag").orElseThrow()).isNotEqualTo(turtleTag).endsWith("-ttl\"");
        assertThat(turtle(alice.get(path, "Accept", TTL)).triples()).anyMatch(x -> x.o().startsWith("\"v2\""));
        assertThat(alice.send("DELETE", path, null, "If-Match", turtleTag).status()).isEqualTo(412);
    }

    @Test
    void the_container_in_turtle_is_a_basic_container_and_ordered_collection_with_an_embedded_first_page() {
        for (int i = 0; i < 22; i++) {
            post("c" + i);
        }
        String c = "<" + server.app().config().baseUrl() + "/annotations/?iris=0>";
        ApiClient.Response r = alice.get("/annotations/", "Accept", TTL);
        TurtleTriples t = turtle(r);
        assertThat(r.header("Link").orElseThrow()).contains("BasicContainer");
        assertThat(t.objects(c, TYPE)).contains("<http://www.w3.org/ns/ldp#BasicContainer>", "<" + AS + "OrderedCollection>");
        long total = alice.get("/annotations/", "Accept", LD).json().get("total").asLong();
        assertThat(t.only(c, AS + "totalItems")).isEqualTo("\"" + total + "\"^^<" + XSD + "nonNegativeInteger>");
        String first = t.only(c, AS + "first");
        assertThat(t.list(t.only(first, AS + "items"))).hasSize(20)
                .allSatisfy(item -> assertThat(t.only(item, TYPE)).isEqualTo("<" + OA + "Annotation>"));
        assertThat(t.only(c, AS + "last")).endsWith("?page=" + (total - 1) / 20 + ">");
        TurtleTriples minimal = turtle(alice.get("/annotations/", "Accept", TTL, "Prefer",
                "return=representation;include=\"http://www.w3.org/ns/ldp#PreferMinimalContainer\""));
        String minimalIri = "<" + server.app().config().baseUrl() + "/annotations/?iris=0&minimal=1>";
        assertThat(minimal.objects(minimal.only(minimalIri, AS + "first"), AS + "items")).isEmpty();
    }

    @Test
    void a_page_in_turtle_has_part_of_start_index_prev_and_ordered_items() {
        for (int i = 0; i < 22; i++) {
            post("p" + i);
        }
        String base = server.app().config().baseUrl() + "/annotations/";
        TurtleTriples t = turtle(alice.get("/annotations/?page=1&iris=1", "Accept", TTL));
        String page = "<" + base + "?page=1&iris=1>";
        assertThat(t.only(page, TYPE)).isEqualTo("<" + AS + "OrderedCollectionPage>");
        assertThat(t.only(page, AS + "partOf")).isEqualTo("<" + base + "?iris=1>");
        assertThat(t.only(page, AS + "startIndex")).isEqualTo("\"20\"^^<" + XSD + "nonNegativeInteger>");
        assertThat(t.only(page, AS + "prev")).isEqualTo("<" + base + "?page=0&iris=1>");
        var json = alice.get("/annotations/?page=1&iris=1", "Accept", LD).json().get("items");
        assertThat(t.list(t.only(page, AS + "items"))).hasSize(json.size())
                .first().isEqualTo("<" + json.get(0).asText() + ">");
    }

    @Test
    void turtle_request_bodies_are_refused_with_415() {
        ApiClient.Response r = alice.sendBytes("POST", "/annotations/",
                "<a> <b> <c> .".getBytes(StandardCharsets.UTF_8), TTL);
        assertThat(r.status()).isEqualTo(415);
        assertThat(r.json().get("code").asText()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
    }
}

package org.semiont.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every validation rule answers 400 with a message naming the field; missing things are 404; nothing is written. */
class ValidationIT {
    @TempDir
    static Path dataDir;
    static ApiServer server;
    static ApiClient alice;
    static String doc;

    @BeforeAll
    static void start() {
        server = ApiServer.start(dataDir);
        alice = server.user("alice@example.org", false, false);
        doc = ApiServer.createDocument(alice, "Validated", "Alice met Bob.").get("id").asText();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Map<String, Object> valid() {
        Map<String, Object> a = new HashMap<>();
        a.put("motivation", "commenting");
        a.put("target", Map.of("source", doc, "selector", Map.of("type", "TextPositionSelector", "start", 0, "end", 5)));
        a.put("body", List.of(Map.of("type", "TextualBody", "value", "hi", "purpose", "commenting")));
        return a;
    }

    static Map<String, Object> with(String key, Object value) {
        Map<String, Object> a = valid();
        if (value == null) {
            a.remove(key);
        } else {
            a.put(key, value);
        }
        return a;
    }

    static Map<String, Object> selector(Map<String, Object> s) {
        return with("target", Map.of("source", doc, "selector", s));
    }

    static Map<String, Object> body(Object item) {
        return with("body", List.of(item));
    }

    static Stream<Arguments> invalidAnnotations() {
        Map<String, Object> deep = Map.of("type", "TextQuoteSelector", "exact", "x");
        for (int i = 0; i < 10; i++) {
            deep = Map.of("type", "TextQuoteSelector", "exact", "x", "refinedBy", deep);
        }
        List<Object> many = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            many.add("http://example.org/" + i);
        }
        return Stream.of(
                Arguments.of("missing motivation", with("motivation", null), "motivation must be one of"),
                Arguments.of("unknown motivation", with("motivation", "liking"), "\"liking\""),
                Arguments.of("missing target", with("target", null), "target is required"),
                Arguments.of("numeric target", with("target", 42), "target must be an IRI string or an object"),
                Arguments.of("target without source", with("target", Map.of("selector", Map.of())), "target.source must be an IRI"),
                Arguments.of("IRI with spaces", with("target", "not an iri"), "target must be an IRI"),
                Arguments.of("unknown selector", selector(Map.of("type", "MagicSelector")), "target.selector.type must be a W3C selector"),
                Arguments.of("negative start", selector(Map.of("type", "TextPositionSelector", "start", -1, "end", 5)), "start must be an integer >= 0"),
                Arguments.of("start after end", selector(Map.of("type", "TextPositionSelector", "start", 9, "end", 5)), "start 9 after end 5"),
                Arguments.of("quote without exact", selector(Map.of("type", "TextQuoteSelector")), "exact is required"),
                Arguments.of("fragment without value", selector(Map.of("type", "FragmentSelector")), "value is required"),
                Arguments.of("css value not a string", selector(Map.of("type", "CssSelector", "value", 3)), "value must be a string"),
                Arguments.of("xpath without value", selector(Map.of("type", "XPathSelector")), "value is required"),
                Arguments.of("range without end", selector(Map.of("type", "RangeSelector", "startSelector",
                        Map.of("type", "XPathSelector", "value", "/p[1]"))), "endSelector must be a selector object"),
                Arguments.of("svg without value or id", selector(Map.of("type", "SvgSelector")), "needs value (SVG markup) or id"),
                Arguments.of("data position without end", selector(Map.of("type", "DataPositionSelector", "start", 1)), "end must be an integer"),
                Arguments.of("selectors nested too deep", selector(deep), "deeper than 8"),
                Arguments.of("body item of wrong type", body(Map.of("type", "Video")), "must be \"TextualBody\" or \"SpecificResource\""),
                Arguments.of("textual body without value", body(Map.of("type", "TextualBody")), "body[0].value is required"),
                Arguments.of("specific resource without source", body(Map.of("type", "SpecificResource")), "body[0].source must be an IRI"),
                Arguments.of("unknown purpose", body(Map.of("type", "TextualBody", "value", "x", "purpose", "liking")), "purpose must be a W3C motivation"),
                Arguments.of("body item a number", body(7), "must be a TextualBody, a SpecificResource or an IRI"),
                Arguments.of("tag longer than an entity type", body(Map.of("type", "TextualBody", "value", "T".repeat(101),
                        "purpose", "tagging")), "at most 100 characters"),
                Arguments.of("NUL in a string", body(Map.of("type", "TextualBody", "value", "a\u0000b")), "U+0000"),
                Arguments.of("too many body items", with("body", many), "at most 100"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidAnnotations")
    void an_invalid_annotation_is_rejected_with_400_naming_the_problem_and_nothing_is_written(String name, Map<String, Object> a,
                                                                                              String expected) {
        long before = server.app().api().events().count(doc);
        ApiClient.Response r = alice.post("/api/annotations", a);
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().get("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(r.json().get("error").asText()).contains(expected);
        assertThat(r.json().get("details").isArray()).isTrue();
        assertThat(server.app().api().events().count(doc)).isEqualTo(before);
    }

    /**
     * Half a surrogate pair, escaped in JSON, is not text: stored, it became "?" in PostgreSQL while the log kept the
     * escape. Sent as raw JSON, because a JSON writer would not produce it.
     */
    @Test
    void strings_with_half_a_surrogate_pair_are_refused_and_a_whole_pair_is_kept() {
        long before = server.app().api().events().lastPosition();
        String annotation = "{\"motivation\":\"commenting\",\"target\":{\"source\":\"" + doc
                + "\"},\"body\":[{\"type\":\"TextualBody\",\"value\":\"VALUE\"}]}";
        for (String[] c : new String[][] {
            {"/api/annotations", annotation.replace("VALUE", "bad \\ud800 half"), "\"bad \\ud800 half\""},
            {"/api/annotations", annotation.replace("VALUE", "\\uDC00 low first"), "\"\\udc00 low first\""},
            {"/api/annotations", annotation.replace("VALUE", "reversed \\ude00\\ud83d"), "\"reversed \\ude00\\ud83d\""},
            {"/api/documents", "{\"name\":\"x\",\"content\":\"abc \\ud83d\"}", "\"abc \\ud83d\""},
            {"/api/documents", "{\"name\":\"x\",\"content\":\"abc\",\"entityTypes\":[\"\\udbff\"]}", "\"\\udbff\""}}) {
            ApiClient.Response r = alice.post(c[0], c[1]);
            assertThat(r.status()).as(c[1] + " -> " + r.body()).isEqualTo(400);
            assertThat(r.json().get("code").asText()).isEqualTo("VALIDATION_FAILED");
            assertThat(r.json().get("error").asText()).contains("surrogate").contains(c[2]);
        }
        assertThat(server.app().api().events().lastPosition()).isEqualTo(before);
        ApiClient.Response ok = alice.post("/api/annotations", annotation.replace("VALUE", "grin \\ud83d\\ude00"));
        assertThat(ok.status()).as(ok.body()).isEqualTo(201);
        assertThat(ok.json().get("annotation").get("body").get(0).get("value").asText()).isEqualTo("grin \uD83D\uDE00");
    }

    @Test
    void every_problem_of_an_annotation_is_reported_at_once() {
        ApiClient.Response r = alice.post("/api/annotations", Map.of("motivation", "x", "target", 1, "body", List.of(1)));
        assertThat(r.json().get("details")).hasSize(3);
    }

    @Test
    void the_target_document_must_exist() {
        ApiClient.Response r = alice.post("/api/annotations", with("target", Map.of("source", "doc-sha256:" + "0".repeat(64))));
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("error").asText()).contains("POST /api/documents");
    }

    @Test
    void a_body_that_is_not_a_json_object_is_400_invalid_json() {
        assertThat(alice.post("/api/annotations", "{\"motivation\":").json().get("code").asText()).isEqualTo("INVALID_JSON");
        assertThat(alice.post("/api/annotations", "[1,2]").json().get("code").asText()).isEqualTo("INVALID_JSON");
        assertThat(alice.post("/api/annotations", "").status()).isEqualTo(400);
    }

    @Test
    void an_invalid_document_lists_every_problem() {
        ApiClient.Response r = alice.post("/api/documents", Map.of("name", "", "content", 3, "format", "application/pdf",
                "entityTypes", "Person", "creationMethod", "magic"));
        assertThat(r.status()).isEqualTo(400);
        JsonNode details = r.json().get("details");
        assertThat(details).hasSize(5);
        assertThat(r.json().get("error").asText()).contains("name must be").contains("content must be a string")
                .contains("format must be one of").contains("entityTypes must be an array").contains("creationMethod must be one of");
    }

    @Test
    void missing_things_are_404_in_the_json_error_shape() {
        String nodoc = "doc-sha256:" + "1".repeat(64);
        for (ApiClient.Response r : List.of(alice.get("/api/documents/" + nodoc), alice.get("/api/documents/" + nodoc + "/content"),
                alice.get("/api/documents/" + nodoc + "/events"), alice.get("/api/annotations/nope"),
                alice.send("PUT", "/api/annotations/nope/body", Map.of("operations", List.of(Map.of("op", "add", "item", "http://x.org/")))),
                alice.send("DELETE", "/api/annotations/nope", null), alice.get("/api/annotations?documentId=" + nodoc),
                alice.get("/api/documents/..%2F..%2Fetc/content"), alice.get("/api/no-such-route"))) {
            assertThat(r.status()).as(r.body()).isIn(400, 404);
            assertThat(r.json().has("code")).isTrue();
        }
        assertThat(alice.get("/api/documents/" + nodoc).json().get("code").asText()).isEqualTo("NOT_FOUND");
    }

    @Test
    void a_compressed_body_is_415_naming_the_coding_the_server_takes_and_nothing_is_written() throws Exception {
        java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(zipped)) {
            gz.write(ApiClient.JSON.writeValueAsBytes(valid()));
        }
        long before = server.app().api().events().lastPosition();
        ApiClient.Response r = alice.sendBytes("POST", "/api/annotations", zipped.toByteArray(), "application/json",
                "Content-Encoding", "gzip");
        assertThat(r.status()).as(r.body()).isEqualTo(415);
        assertThat(r.json().get("code").asText()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        assertThat(r.json().get("error").asText()).contains("gzip");
        assertThat(r.header("Accept-Encoding")).contains("identity");
        assertThat(server.app().api().events().lastPosition()).isEqualTo(before);
        assertThat(alice.sendBytes("POST", "/api/annotations", ApiClient.JSON.writeValueAsBytes(valid()), "application/json",
                "Content-Encoding", "identity").status()).isEqualTo(201);
    }

    @Test
    void a_method_the_path_does_not_have_is_405_naming_the_methods_it_has() {
        ApiClient.Response r = alice.send("PATCH", "/api/annotations", Map.of());
        assertThat(r.status()).as(r.body()).isEqualTo(405);
        assertThat(r.json().get("code").asText()).isEqualTo("METHOD_NOT_ALLOWED");
        assertThat(r.json().get("error").asText()).contains("PATCH").contains("/api/annotations");
        assertThat(r.header("Allow").orElseThrow()).contains("GET").contains("HEAD").contains("POST").doesNotContain("PATCH");
        ApiClient.Response health = server.anonymous().send("DELETE", "/api/health", null);
        assertThat(health.status()).isEqualTo(405);
        assertThat(health.header("Allow")).contains("GET, HEAD");
    }

    @Test
    void body_operations_are_validated() {
        JsonNode a = alice.post("/api/annotations", valid()).json().get("annotation");
        String id = a.get("id").asText().substring(a.get("id").asText().lastIndexOf('/') + 1);
        ApiClient.Response r = alice.send("PUT", "/api/annotations/" + id + "/body", Map.of("operations", List.of(Map.of("op", "move"))));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("error").asText()).contains("operations[0].op must be");
        assertThat(alice.send("PUT", "/api/annotations/" + id + "/body", Map.of("operations", List.of())).status()).isEqualTo(400);
    }

    @Test
    void bad_query_parameters_are_400_with_the_allowed_range() {
        ApiClient.Response r = alice.get("/api/annotations?documentId=" + doc + "&limit=100000");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("error").asText()).contains("1..1000");
        assertThat(alice.get("/api/annotations").status()).isEqualTo(400);
        assertThat(alice.get("/api/documents/" + doc + "/events?type=nope").status()).isEqualTo(400);
        assertThat(alice.get("/api/documents/" + doc + "/events?from=yesterday").status()).isEqualTo(400);
    }
}

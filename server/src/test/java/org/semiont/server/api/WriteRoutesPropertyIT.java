package org.semiont.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.semiont.server.logging.LogSetup;

/**
 * Random deep, wide, unicode-heavy and odd-but-valid bodies on every route that appends events: an answer is never a
 * 5xx, every acknowledged write projects (the projections equal a rebuild from the log, the log verifies), and a
 * restart catches up over all of it. The statistics printed with the run show how many cases each route
 * acknowledged (the path this checks) and how many it refused as invalid.
 */
class WriteRoutesPropertyIT {
    private static Path dataDir;
    private static ApiServer server;
    private static ApiClient alice;
    private static ApiClient moderator;
    private static ApiClient admin;
    private static String document;
    /** Annotation ids acknowledged and not deleted, by API (short id / protocol IRI path). */
    private static final List<String> annotations = Collections.synchronizedList(new ArrayList<>());
    private static final List<String> userIds = Collections.synchronizedList(new ArrayList<>());
    private static final Map<Route, int[]> acknowledged = new ConcurrentHashMap<>();

    enum Route {
        CREATE_DOCUMENT, UPLOAD_DOCUMENT, PATCH_DOCUMENT, CREATE_ANNOTATION, UPDATE_BODY, DELETE_ANNOTATION,
        PROTOCOL_CREATE, PROTOCOL_REPLACE, PROTOCOL_DELETE, ENTITY_TYPE, ENTITY_TYPES_BULK, CREATE_USER, PATCH_USER
    }

    @BeforeContainer
    static void start() throws Exception {
        LogSetup.console(ch.qos.logback.classic.Level.ERROR);
        dataDir = Files.createTempDirectory("write-routes-property");
        server = ApiServer.start(dataDir);
        alice = server.user("alice@example.org", false, false);
        moderator = server.user("mod@example.org", false, true);
        admin = server.user("root@example.org", true, false);
        document = ApiServer.createDocument(alice, "Odd things", "Alice met Bob in Zürich.").get("id").asText();
    }

    @Property(tries = 300)
    void every_write_is_answered_below_500_and_what_is_acknowledged_projects(@ForAll Route route,
            @ForAll("values") String value, @ForAll("names") String name, @ForAll long seed) {
        ApiClient.Response r = send(route, value, name, new Random(seed));
        Statistics.label("route, answer").collect(route, r.status() < 300 ? "acknowledged" : "refused " + r.status());
        assertThat(r.status()).as(route + " " + r.body()).isLessThan(500);
        if (r.status() < 300) {
            acknowledged.computeIfAbsent(route, k -> new int[1])[0]++;
            remember(route, r);
        }
        assertThat(server.app().api().projector().blocked()).as("after " + route + " with " + abbreviated(value)).isEmpty();
    }

    @AfterContainer
    static void projectionsMatchTheLogAndARestartCatchesUp() {
        try {
            // every route that can acknowledge did so at least once: otherwise this property checked nothing there
            assertThat(acknowledged.keySet()).as("routes with acknowledged writes: " + counts())
                    .containsAll(List.of(Route.values()));
            assertThat(server.app().api().maintenance().check()).isEmpty();
            assertThat(server.app().api().events().verify(null).defects()).isEmpty();
            long position = server.app().api().events().lastPosition();
            server.close();
            server = ApiServer.start(dataDir);
            assertThat(server.app().api().projector().appliedPosition()).isEqualTo(position);
            assertThat(server.app().api().maintenance().check()).isEmpty();
            ApiClient reader = server.signIn("alice@example.org");
            for (String id : List.copyOf(annotations)) {
                assertThat(reader.get("/api/annotations/" + id).status()).as(id).isEqualTo(200);
            }
        } finally {
            server.close();
        }
    }

    private static String counts() {
        StringBuilder b = new StringBuilder();
        acknowledged.forEach((k, v) -> b.append(k).append('=').append(v[0]).append(' '));
        return b.toString();
    }

    @Provide
    Arbitrary<String> values() {
        return OddJson.anyValue();
    }

    @Provide
    Arbitrary<String> names() {
        return OddJson.strings(60);
    }

    private static ApiClient.Response send(Route route, String value, String name, Random r) {
        String q = OddJson.quote(name);
        return switch (route) {
            case CREATE_DOCUMENT -> alice.send("POST", "/api/documents", raw(OddJson.object("name", q, "content",
                    OddJson.quote(name + " " + r.nextLong()), "format", "\"text/plain\"", "entityTypes", entityTypes(r))));
            case UPLOAD_DOCUMENT -> upload(name + " " + r.nextLong());
            case PATCH_DOCUMENT -> alice.send("PATCH", "/api/documents/" + document, raw(OddJson.object(
                    "entityTypes", entityTypes(r), "archived", "false")));
            case CREATE_ANNOTATION -> alice.send("POST", "/api/annotations", raw(OddJson.object("motivation", "\"commenting\"",
                    "target", OddJson.object("source", OddJson.quote(document), "selector", OddJson.object("type",
                            "\"TextQuoteSelector\"", "exact", q)),
                    "body", OddJson.array(List.of(OddJson.object("type", "\"TextualBody\"", "value", q, "purpose",
                            "\"commenting\""))))));
            case UPDATE_BODY -> withAnnotation(r, id -> alice.send("PUT", "/api/annotations/" + id + "/body", raw(OddJson.object(
                    "documentId", OddJson.quote(document), "operations", OddJson.array(List.of(OddJson.object("op", "\"add\"",
                            "item", OddJson.object("type", "\"TextualBody\"", "value", q, "purpose", "\"tagging\""))))))));
            case DELETE_ANNOTATION -> withAnnotation(r, id -> {
                ApiClient.Response d = alice.send("DELETE", "/api/annotations/" + id, null);
                if (d.status() == 204) {
                    annotations.remove(id);
                }
                return d;
            });
            case PROTOCOL_CREATE -> alice.send("POST", "/annotations/", raw(protocolAnnotation(value, q)));
            case PROTOCOL_REPLACE -> withAnnotation(r, id -> {
                ApiClient.Response current = alice.get("/annotations/" + id);
                String etag = current.header("ETag").orElse("\"none\"");
                return alice.send("PUT", "/annotations/" + id, raw(protocolAnnotation(value, q)), "If-Match", etag);
            });
            case PROTOCOL_DELETE -> withAnnotation(r, id -> {
                ApiClient.Response d = alice.send("DELETE", "/annotations/" + id, null);
                if (d.status() == 204) {
                    annotations.remove(id);
                }
                return d;
            });
            case ENTITY_TYPE -> moderator.send("POST", "/api/entity-types", raw(OddJson.object("tag", q)));
            case ENTITY_TYPES_BULK -> moderator.send("POST", "/api/entity-types/bulk", raw(OddJson.object("tags",
                    entityTypes(r))));
            case CREATE_USER -> admin.send("POST", "/api/admin/users", raw(OddJson.object("email",
                    OddJson.quote("u" + Long.toUnsignedString(r.nextLong(), 36) + "@example.org"), "name", q)));
            case PATCH_USER -> userIds.isEmpty() ? admin.send("PATCH", "/api/admin/users/none", raw("{\"name\":" + q + "}"))
                    : admin.send("PATCH", "/api/admin/users/" + userIds.get(r.nextInt(userIds.size())),
                            raw(OddJson.object("name", q)));
        };
    }

    /** A W3C annotation whose body, generator and an extension property are the odd value. */
    private static String protocolAnnotation(String value, String quotedName) {
        return OddJson.object("@context", "\"http://www.w3.org/ns/anno.jsonld\"", "type", "\"Annotation\"",
                "motivation", "\"commenting\"", "target", OddJson.object("source", OddJson.quote(document), "selector",
                        OddJson.object("type", "\"TextQuoteSelector\"", "exact", quotedName)),
                "body", OddJson.object("type", "\"TextualBody\"", "value", quotedName, "format", "\"text/plain\""),
                "generator", value, "rights", value);
    }

    private static String entityTypes(Random r) {
        List<String> types = new ArrayList<>();
        String[] pool = {"Person", "Ort", "人物", "شخص", "Émigré", "🦄 Unicorn", "a\u0301", "Person"};
        for (int i = r.nextInt(4); i > 0; i--) {
            types.add(OddJson.quote(pool[r.nextInt(pool.length)]));
        }
        return OddJson.array(types);
    }

    private static ApiClient.Response upload(String text) {
        String boundary = "odd" + Long.toHexString(new Random().nextLong());
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"odd.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\n" + text + "\r\n--" + boundary + "--\r\n";
        return alice.sendBytes("POST", "/api/documents", body.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "multipart/form-data; boundary=" + boundary);
    }

    private static ApiClient.Response withAnnotation(Random r, java.util.function.Function<String, ApiClient.Response> action) {
        List<String> ids = List.copyOf(annotations);
        if (ids.isEmpty()) {
            return alice.send("POST", "/api/annotations", raw(OddJson.object("motivation", "\"highlighting\"",
                    "target", OddJson.object("source", OddJson.quote(document)))));
        }
        return action.apply(ids.get(r.nextInt(ids.size())));
    }

    private static void remember(Route route, ApiClient.Response r) {
        switch (route) {
            case CREATE_ANNOTATION, UPDATE_BODY, DELETE_ANNOTATION, PROTOCOL_REPLACE, PROTOCOL_DELETE -> {
                if (r.status() == 201 && r.json().has("annotation")) {
                    annotations.add(shortId(r.json().get("annotation").get("id").asText()));
                }
            }
            case PROTOCOL_CREATE -> annotations.add(shortId(r.json().get("id").asText()));
            case CREATE_USER -> userIds.add(r.json().get("user").get("id").asText());
            default -> { }
        }
    }

    private static String shortId(String iri) {
        return iri.substring(iri.lastIndexOf('/') + 1);
    }

    /** JSON text sent as is (ApiClient sends a String body unchanged). */
    private static String raw(String json) {
        return json;
    }

    private static String abbreviated(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300) + "… (" + s.length() + " chars)";
    }
}

package org.semiont.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 10,000 malformed or hostile requests: only 4xx answers, the server stays healthy, nothing is written. */
class FuzzIT {
    static final int REQUESTS = 10_000;
    static final List<String> HOSTILE_IDS = List.of("..%2F..%2Fetc%2Fpasswd", "..", "%2e%2e", "..%5C..%5Cwindows", "%00", "a%0Ab",
            "doc-sha256:..%2F..%2F", "x".repeat(3000), "%C0%AE%C0%AE", "%FF%FE", "'%20OR%201=1--", "__users__", "__system__");

    @TempDir
    Path dataDir;

    @Test
    void ten_thousand_malformed_or_hostile_requests_get_only_4xx_and_change_nothing() throws Exception {
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(
                org.slf4j.Logger.ROOT_LOGGER_NAME);
        ch.qos.logback.classic.Level level = root.getLevel();
        root.setLevel(ch.qos.logback.classic.Level.WARN);
        try (ApiServer server = ApiServer.start(dataDir)) {
            ApiClient alice = server.user("alice@example.org", false, false);
            String doc = ApiServer.createDocument(alice, "Fuzzed", "Alice met Bob.").get("id").asText();
            long positionBefore = server.app().api().events().lastPosition();
            Random random = new Random(42);
            Map<Integer, Integer> statuses = new TreeMap<>();
            List<String> unexpected = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                ApiClient.Response r = answered(alice, new Random(random.nextLong()), doc, i);
                statuses.merge(r.status(), 1, Integer::sum);
                if (r.status() < 400 || r.status() >= 500) {
                    unexpected.add(i + " -> " + r.status() + " " + r.body().substring(0, Math.min(200, r.body().length())));
                }
            }
            assertThat(unexpected).as("statuses " + statuses).isEmpty();
            assertThat(server.anonymous().get("/api/health").json().get("database").asText()).isEqualTo("connected");
            assertThat(server.app().api().events().lastPosition()).isEqualTo(positionBefore);
            assertThat(alice.get("/api/annotations?documentId=" + doc).json().get("total").asInt()).isZero();
            assertThat(alice.get("/api/documents").json().get("total").asInt()).isEqualTo(1);
        } finally {
            root.setLevel(level);
        }
    }

    static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    static final List<String> FIELDS = List.of("name", "content", "format", "entityTypes", "motivation", "target", "body",
            "email", "password", "currentPassword", "newPassword", "isAdmin", "isModerator", "isActive", "archived", "tag",
            "position", "reason", "refreshToken", "operations", "language", "value", "type", "id");

    /**
     * Every route the server registers, with every method, as each role (anonymous, user, moderator, admin, service),
     * with no body, an empty object and odd but valid JSON, on real and hostile ids: never a 5xx; afterwards the event
     * log verifies and the projections equal a rebuild from it.
     */
    @Test
    void every_route_method_and_role_answers_without_a_server_error_and_the_projections_stay_a_rebuild() throws Exception {
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(
                org.slf4j.Logger.ROOT_LOGGER_NAME);
        ch.qos.logback.classic.Level level = root.getLevel();
        root.setLevel(ch.qos.logback.classic.Level.ERROR);
        // a well-formed Google token is checked against this closed port, not Google
        try (ApiServer server = ApiServer.start(dataDir, Map.of("GOOGLE_USERINFO_URL", "http://127.0.0.1:9/userinfo"))) {
            Map<String, ApiClient> roles = new java.util.LinkedHashMap<>();
            roles.put("anonymous", server.anonymous());
            roles.put("user", server.user("user@example.org", false, false));
            roles.put("moderator", server.user("moderator@example.org", false, true));
            roles.put("admin", server.user("admin@example.org", true, false));
            roles.put("service", server.service());
            String doc = ApiServer.createDocument(roles.get("user"), "Fuzzed routes", "Alice met Bob.").get("id").asText();
            String userId = roles.get("user").get("/api/users/me").json().get("id").asText();
            List<String> ids = List.of(doc, userId, "no-such-id", "..%2F..", "%C0%AF", "x".repeat(300));
            List<String> routes = server.app().routes();
            assertThat(routes).hasSizeGreaterThan(30);
            Random random = new Random(7);
            Map<Integer, Integer> statuses = new TreeMap<>();
            List<String> unexpected = new ArrayList<>();
            for (String route : routes.stream().map(r -> r.substring(r.indexOf(' ') + 1)).distinct().toList()) {
                for (String method : METHODS) {
                    for (Map.Entry<String, ApiClient> role : roles.entrySet()) {
                        for (int variant = 0; variant < 3; variant++) {
                            String path = fill(route, ids, random);
                            if (method.equals("GET") && path.endsWith("/events/stream")) {
                                continue; // an event stream answers for as long as it is open (EventStreamIT)
                            }
                            String body = variant == 0 ? null : variant == 1 ? "{}" : oddJson(random, 0).toString();
                            ApiClient.Response r = role.getValue().send(method, path, body);
                            statuses.merge(r.status(), 1, Integer::sum);
                            if (r.status() >= 500) {
                                unexpected.add(method + " " + path + " as " + role.getKey() + " -> " + r.status() + " "
                                        + r.body().substring(0, Math.min(200, r.body().length())));
                            }
                        }
                    }
                }
            }
            assertThat(unexpected).as("statuses " + statuses).isEmpty();
            assertThat(server.app().api().events().verify(null).clean()).isTrue();
            assertThat(server.app().api().maintenance().check()).isEmpty();
        } finally {
            root.setLevel(level);
        }
    }

    /** A Javalin route path with each {param} replaced by a real or hostile id. */
    private static String fill(String route, List<String> ids, Random r) {
        return route.replaceAll("\\{[^}]+}", java.util.regex.Matcher.quoteReplacement(ids.get(r.nextInt(ids.size()))))
                .replaceAll("<[^>]+>", "x");
    }

    /** A JSON object of known and unknown fields: nested, wide, unicode-heavy, of every JSON type. */
    private static ObjectNode oddJson(Random r, int depth) {
        ObjectNode o = ApiClient.JSON.createObjectNode();
        int fields = 1 + r.nextInt(6);
        for (int i = 0; i < fields; i++) {
            String key = r.nextInt(4) == 0 ? "k\u00e9\u4e2d" + r.nextInt(100) : FIELDS.get(r.nextInt(FIELDS.size()));
            switch (depth > 8 ? r.nextInt(5) : r.nextInt(7)) {
                case 0 -> o.put(key, r.nextLong());
                case 1 -> o.put(key, r.nextBoolean());
                case 2 -> o.putNull(key);
                case 3 -> o.put(key, r.nextDouble() * 1e300);
                case 4 -> o.put(key, unicode(r));
                case 5 -> o.set(key, oddJson(r, depth + 1));
                default -> o.putArray(key).add(unicode(r)).add(r.nextInt()).add(oddJson(r, depth + 1));
            }
        }
        return o;
    }

    private static String unicode(Random r) {
        StringBuilder b = new StringBuilder();
        int n = r.nextInt(40);
        for (int i = 0; i < n; i++) {
            int cp = switch (r.nextInt(4)) {
                case 0 -> 0x20 + r.nextInt(0x5f);
                case 1 -> 0xa0 + r.nextInt(0x700);
                case 2 -> 0x4e00 + r.nextInt(0x5000);
                default -> 0x1f300 + r.nextInt(0x300);
            };
            b.appendCodePoint(cp);
        }
        return b.toString();
    }

    /**
     * Jetty closes the connection after rejecting a malformed request line; a pooled client connection can
     * then be stale, so a transport failure is retried once on a fresh attempt (same request).
     */
    private static ApiClient.Response answered(ApiClient c, Random r, String doc, int i) {
        long seed = r.nextLong();
        try {
            return hostile(c, new Random(seed), doc, i);
        } catch (java.io.UncheckedIOException e) {
            return hostile(c, new Random(seed), doc, i);
        }
    }

    private static ApiClient.Response hostile(ApiClient c, Random r, String doc, int i) {
        switch (i % 8) {
            case 0:
                return c.sendBytes("POST", "/api/annotations", randomBytes(r, r.nextInt(2000)), "application/json");
            case 1:
                return c.send("POST", "/api/annotations", wrongTypes(r, doc).toString());
            case 2:
                return c.send("POST", "/api/annotations", deep(r.nextBoolean() ? "[" : "{\"a\":", 1000 + r.nextInt(20_000)));
            case 3:
                return r.nextBoolean() ? c.sendBytes("POST", "/api/annotations", invalidUtf8(doc), "application/json")
                        : c.send("POST", "/api/annotations", halfSurrogate(r, doc));
            case 4:
                return traversal(c, r);
            case 5:
                return c.send("POST", "/api/documents", badDocument(r).toString());
            case 6:
                int size = i % 400 == 6 ? (1 << 20) + r.nextInt(1 << 20) : 1000 + r.nextInt(100_000);
                return c.send("POST", "/api/annotations", "{\"motivation\":\"" + "x".repeat(size) + "\"}");
            default:
                return c.send("PUT", "/api/annotations/" + HOSTILE_IDS.get(r.nextInt(HOSTILE_IDS.size())) + "/body",
                        "{\"operations\":[{\"op\":\"add\",\"item\":\"http://example.org/x\"}]}");
        }
    }

    private static byte[] randomBytes(Random r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }

    private static String deep(String open, int depth) {
        return open.repeat(depth);
    }

    private static byte[] invalidUtf8(String doc) {
        byte[] head = ("{\"motivation\":\"highlighting\",\"target\":\"" + doc + "\",\"body\":\"").getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[head.length + 4];
        System.arraycopy(head, 0, out, 0, head.length);
        out[head.length] = (byte) 0xff;
        out[head.length + 1] = (byte) 0xfe;
        out[head.length + 2] = '"';
        out[head.length + 3] = '}';
        return out;
    }

    /** A valid annotation but for a string with half of a surrogate pair, escaped: valid JSON, not Unicode text. */
    private static String halfSurrogate(Random r, String doc) {
        String half = String.format("\\u%04x", 0xd800 + r.nextInt(0x800));
        return "{\"motivation\":\"commenting\",\"target\":\"" + doc + "\",\"body\":[{\"type\":\"TextualBody\",\"value\":\"x"
                + half + "y\"}]}";
    }

    /** A valid annotation with one field made invalid in one of many ways. */
    private static ObjectNode wrongTypes(Random r, String doc) {
        ObjectNode a = ApiClient.JSON.createObjectNode().put("motivation", "highlighting");
        a.putObject("target").put("source", doc).putObject("selector").put("type", "TextPositionSelector").put("start", 0).put("end", 3);
        a.putArray("body");
        switch (r.nextInt(9)) {
            case 0 -> a.put("motivation", r.nextInt());
            case 1 -> a.putArray("motivation").add("highlighting");
            case 2 -> a.put("motivation", "m" + r.nextLong());
            case 3 -> a.put("target", r.nextDouble());
            case 4 -> a.putObject("target").put("selector", "x");
            case 5 -> a.put("target", "has space " + r.nextInt());
            case 6 -> a.putArray("body").add(r.nextInt());
            case 7 -> a.putObject("body").put("type", "Unknown" + r.nextInt());
            default -> ((ObjectNode) a.get("target").get("selector")).put("start", -1 - r.nextInt(1000));
        }
        return a;
    }

    private static ObjectNode badDocument(Random r) {
        ObjectNode d = ApiClient.JSON.createObjectNode().put("name", "n" + r.nextInt()).put("content", "c" + r.nextLong());
        switch (r.nextInt(5)) {
            case 0 -> d.put("name", r.nextInt());
            case 1 -> d.put("content", r.nextBoolean());
            case 2 -> d.put("format", "application/x-" + r.nextInt());
            case 3 -> d.put("name", "");
            default -> d.putArray("entityTypes").add(r.nextInt());
        }
        return d;
    }

    private static ApiClient.Response traversal(ApiClient c, Random r) {
        String id = HOSTILE_IDS.get(r.nextInt(HOSTILE_IDS.size()));
        return switch (r.nextInt(5)) {
            case 0 -> c.get("/api/annotations/" + id);
            case 1 -> c.send("DELETE", "/api/annotations/" + id, null);
            case 2 -> c.get("/api/documents/" + id + "/content");
            case 3 -> c.send("PATCH", "/api/documents/" + id, "{\"archived\":true}");
            default -> c.get("/api/documents/" + id + "/events");
        };
    }
}

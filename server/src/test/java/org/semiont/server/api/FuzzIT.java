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

package org.semiont.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SSE on a document: named frames with sequence ids, and resumption from Last-Event-ID without loss. */
class EventStreamIT {
    @TempDir
    Path dataDir;

    record Frame(String event, String id, String data) {
    }

    static final class SseReader implements AutoCloseable {
        /** Held: an HttpClient nobody references is shut down when collected, closing the stream under the test. */
        private final HttpClient client = HttpClient.newHttpClient();
        private final InputStream in;
        private final BufferedReader reader;

        SseReader(String url, String token, String lastEventId) throws Exception {
            this(url, token, lastEventId, "text/event-stream");
        }

        /** {@code accept} null sends no Accept header. */
        SseReader(String url, String token, String lastEventId, String accept) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token);
            if (accept != null) {
                b.header("Accept", accept);
            }
            if (lastEventId != null) {
                b.header("Last-Event-ID", lastEventId);
            }
            HttpResponse<InputStream> r = client.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
            in = r.body();
            reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        }

        Frame next() throws Exception {
            String event = null;
            String id = null;
            StringBuilder data = new StringBuilder();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isEmpty()) {
                    if (event != null || data.length() > 0) {
                        return new Frame(event, id, data.toString());
                    }
                    continue;
                }
                if (line.startsWith("event:")) {
                    event = line.substring(6).trim();
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).trim());
                }
            }
            throw new AssertionError("stream ended");
        }

        @Override
        public void close() throws Exception {
            in.close();
        }
    }

    @Test
    void a_client_that_reconnects_with_last_event_id_gets_exactly_the_events_it_missed() throws Exception {
        try (ApiServer server = ApiServer.start(dataDir)) {
            ApiClient alice = server.user("alice@example.org", false, false);
            String doc = ApiServer.createDocument(alice, "Streamed", "Alice met Bob.").get("id").asText();
            String url = server.url() + "/api/documents/" + doc + "/events/stream";
            String jwt = server.signIn("alice@example.org").token();
            String lastSeen;
            try (SseReader sse = new SseReader(url, jwt, null)) {
                Frame hello = sse.next();
                assertThat(hello.event()).isEqualTo("stream-connected");
                assertThat(hello.data()).contains("\"documentId\":\"" + doc + "\"");
                post(alice, doc, 2);
                Frame first = sse.next();
                Frame second = sse.next();
                assertThat(first.event()).isEqualTo("annotation.added");
                assertThat(first.id()).isEqualTo("2");
                assertThat(second.id()).isEqualTo("3");
                JsonNode data = ApiClient.JSON.readTree(second.data());
                assertThat(data.get("metadata").get("sequenceNumber").asInt()).isEqualTo(3);
                assertThat(data.get("metadata").get("prevEventHash").asText()).isNotBlank();
                lastSeen = second.id();
            }
            post(alice, doc, 3);
            try (SseReader sse = new SseReader(url, jwt, lastSeen)) {
                assertThat(sse.next().event()).isEqualTo("stream-connected");
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    ids.add(sse.next().id());
                }
                assertThat(ids).containsExactly("4", "5", "6");
                post(alice, doc, 1);
                assertThat(sse.next().id()).isEqualTo("7");
            }
            ApiClient.Response bad = alice.get("/api/documents/" + doc + "/events/stream", "Last-Event-ID", "abc");
            assertThat(bad.status()).isEqualTo(400);
            assertThat(alice.get("/api/documents/doc-sha256:" + "2".repeat(64) + "/events/stream").status()).isEqualTo(404);
            ApiClient.Response notAsked = alice.get("/api/documents/" + doc + "/events/stream", "Accept", "application/json");
            assertThat(notAsked.status()).as("not an empty 200").isEqualTo(406);
            assertThat(notAsked.json().get("error").asText()).contains("Accept: text/event-stream");
            for (String anyType : Arrays.asList("*/*", "text/*", "application/json;q=0.9, */*;q=0.1", null)) {
                try (SseReader sse = new SseReader(url, jwt, null, anyType)) {
                    assertThat(sse.next().event()).as("Accept: " + anyType).isEqualTo("stream-connected");
                }
            }
            assertThat(alice.get("/api/documents/" + doc + "/events/stream", "Accept", "text/event-stream;q=0, */*").status())
                    .as("refused by name").isEqualTo(406);
        }
    }

    private static void post(ApiClient c, String doc, int n) {
        for (int i = 0; i < n; i++) {
            assertThat(c.post("/api/annotations", DocumentsAndAnnotationsIT.highlight(doc, 0, 5)).status()).isEqualTo(201);
        }
    }
}

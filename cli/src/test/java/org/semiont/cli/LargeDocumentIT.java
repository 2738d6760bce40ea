package org.semiont.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A document with many annotations is read whole (GET /api/documents/{id} embeds them all, as the original does)
 * by several clients at once, from a server with a small heap. Built in memory, each such response held several
 * times its size: 8 GETs of a 95,000-annotation document took a 128 MB heap into OutOfMemoryError (all 500). The
 * responses are now written as they are read.
 */
class LargeDocumentIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final int ANNOTATIONS = 12_000;
    private static final int READERS = 8;

    @TempDir
    Path dataDir;

    @Test
    void several_clients_read_a_large_document_whole_from_a_small_heap() throws Exception {
        String token = SemiontProcess.addUserWithToken(dataDir, "r@example.org");
        try (SemiontProcess server = SemiontProcess.startWith(dataDir, Map.of("SEMIONT_DB_POOL_SIZE", "2"), "-Xmx96m")) {
            String url = server.awaitUrl(Duration.ofSeconds(120));
            HttpResponse<String> created = HTTP.send(request(url + "/api/documents", token)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Large\",\"content\":\"Alice met Bob.\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            String doc = JSON.readTree(created.body()).path("document").path("id").asText();
            annotate(url, token, doc);

            List<CompletableFuture<HttpResponse<String>>> reads = new ArrayList<>();
            for (int i = 0; i < READERS; i++) {
                reads.add(HTTP.sendAsync(request(url + "/api/documents/" + doc, token).GET().build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            for (CompletableFuture<HttpResponse<String>> read : reads) {
                HttpResponse<String> r = read.join();
                assertThat(r.statusCode()).as(r.body().length() > 300 ? r.body().substring(0, 300) : r.body()).isEqualTo(200);
                JsonNode body = JSON.readTree(r.body());
                assertThat(body.path("annotations").size()).isEqualTo(ANNOTATIONS);
                assertThat(body.path("document").path("id").asText()).isEqualTo(doc);
            }
            assertThat(server.output()).doesNotContain("OutOfMemoryError");

            // readers that stop reading hold no database connection: with a pool of 2, writes still go through
            List<Socket> stalled = new ArrayList<>();
            try {
                for (int i = 0; i < 4; i++) {
                    stalled.add(stalledReader(url, "/api/documents/" + doc, token));
                }
                Thread.sleep(1_000); // each has read its first chunk and is blocked writing to its client
                HttpResponse<String> write = HTTP.send(request(url + "/api/annotations", token).timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofString(annotation(doc))).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(write.statusCode()).as(write.body()).isEqualTo(201);
            } finally {
                for (Socket s : stalled) {
                    s.close();
                }
            }
        }
    }

    private static String annotation(String doc) {
        return "{\"motivation\":\"commenting\",\"target\":{\"source\":\"" + doc + "\",\"selector\":{\"type\":"
                + "\"TextQuoteSelector\",\"exact\":\"Alice\"}},\"body\":[{\"type\":\"TextualBody\",\"value\":\""
                + "A comment long enough to give each annotation some weight in the response."
                + "\",\"purpose\":\"commenting\"}]}";
    }

    /** A GET whose client reads nothing of the answer (a small receive window), left open. */
    private static Socket stalledReader(String url, String path, String token) throws Exception {
        URI base = URI.create(url);
        Socket s = new Socket();
        s.setReceiveBufferSize(4096);
        s.connect(new java.net.InetSocketAddress(base.getHost(), base.getPort()));
        s.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        s.getOutputStream().flush();
        return s;
    }

    private static void annotate(String url, String token, String doc) {
        String body = annotation(doc);
        Semaphore inFlight = new Semaphore(16);
        List<CompletableFuture<HttpResponse<Void>>> all = new ArrayList<>();
        for (int i = 0; i < ANNOTATIONS; i++) {
            inFlight.acquireUninterruptibly();
            all.add(HTTP.sendAsync(request(url + "/api/annotations", token).POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(), HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> inFlight.release()));
        }
        for (CompletableFuture<HttpResponse<Void>> f : all) {
            assertThat(f.join().statusCode()).isEqualTo(201);
        }
    }

    private static HttpRequest.Builder request(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json");
    }
}

package org.semiont.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kill -9 of the server while writers are busy: after a restart every acknowledged write is there, projections caught up. */
class KillDuringLoadIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path dataDir;

    @Test
    void every_acknowledged_annotation_survives_a_kill_9_mid_load_and_the_projections_catch_up() throws Exception {
        String dir = dataDir.toString();
        String token = SemiontProcess.addUserWithToken(dataDir, "w@example.org");
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        String doc;
        String lastMoment;
        try (SemiontProcess server = SemiontProcess.start(dataDir)) {
            String url = server.awaitUrl(Duration.ofSeconds(120));
            doc = send(url, "POST", "/api/documents", "{\"name\":\"Load\",\"content\":\"Alice met Bob.\"}", token).path("document")
                    .path("id").asText();
            ExecutorService writers = Executors.newFixedThreadPool(4);
            for (int w = 0; w < 4; w++) {
                writers.submit(() -> write(url, doc, token, acknowledged));
            }
            while (acknowledged.size() < 200) {
                Thread.sleep(20);
            }
            // committed just before the kill, sooner than the projection files' first pass (1 s)
            lastMoment = send(url, "POST", "/api/documents", "{\"name\":\"Last moment\",\"content\":\"Written at the kill.\"}",
                    token).path("document").path("id").asText();
            server.process().destroyForcibly().waitFor();
            writers.shutdown();
            assertThat(writers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }
        try (SemiontProcess server = SemiontProcess.start(dataDir)) {
            String url = server.awaitUrl(Duration.ofSeconds(120));
            JsonNode list = send(url, "GET", "/api/annotations?documentId=" + doc + "&limit=1000", null, token);
            Set<String> present = ConcurrentHashMap.newKeySet();
            list.path("annotations").forEach(a -> present.add(a.path("id").asText()));
            while (present.size() < list.path("total").asInt()) {
                send(url, "GET", "/api/annotations?documentId=" + doc + "&limit=1000&offset=" + present.size(), null, token)
                        .path("annotations").forEach(a -> present.add(a.path("id").asText()));
            }
            assertThat(present).containsAll(acknowledged);
            JsonNode events = send(url, "GET", "/api/documents/" + doc + "/events?limit=1000&type=annotation.added", null, token);
            assertThat(list.path("total").asInt()).isEqualTo(events.path("total").asInt());
            Path lastFile = awaitProjectionFile(lastMoment, Duration.ofSeconds(30));
            assertThat(lastFile).as("the JSON projection file of a document committed just before the kill is written "
                    + "after the restart").isNotNull();
            assertThat(JSON.readTree(lastFile.toFile()).path("document").path("name").asText()).isEqualTo("Last moment");
            server.process().destroy();
            assertThat(server.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        SemiontProcess.Result check = SemiontProcess.run("projections", "check", "--data-dir", dir);
        assertThat(check.exitCode()).as(check.output()).isZero();
        SemiontProcess.Result verify = SemiontProcess.run("events", "verify", "--data-dir", dir);
        assertThat(verify.exitCode()).as(verify.output()).isZero();
        assertThat(verify.output()).as("the server's events are where the events verbs look")
                .containsPattern("[1-9][0-9]* events");
        assertThat(java.nio.file.Path.of(dir, "events", "events")).doesNotExist();
    }

    /** The document's JSON projection file once it exists (null if it does not within the timeout). */
    private Path awaitProjectionFile(String documentId, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!java.nio.file.Files.isDirectory(dataDir.resolve("projections"))) {
                Thread.sleep(100);
                continue;
            }
            try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(dataDir.resolve("projections"))) {
                java.util.Optional<Path> found = files.filter(p -> p.getFileName().toString().equals(documentId + ".json")).findFirst();
                if (found.isPresent()) {
                    return found.get();
                }
            }
            Thread.sleep(100);
        }
        return null;
    }

    private static void write(String url, String doc, String token, Set<String> acknowledged) {
        String body = "{\"motivation\":\"highlighting\",\"target\":{\"source\":\"" + doc
                + "\",\"selector\":{\"type\":\"TextPositionSelector\",\"start\":0,\"end\":5}}}";
        for (int i = 0; i < 100_000; i++) {
            try {
                JsonNode r = send(url, "POST", "/api/annotations", body, token);
                acknowledged.add(r.path("annotation").path("id").asText());
            } catch (Exception e) {
                return;
            }
        }
    }

    private static JsonNode send(String url, String method, String path, String body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + path + " -> " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body());
    }
}

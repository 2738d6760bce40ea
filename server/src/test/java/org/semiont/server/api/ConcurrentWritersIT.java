package org.semiont.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.semiont.events.StoredEvent;
import org.semiont.events.VerifyReport;

/** Sixteen writers on one document: no errors, nothing lost, chain intact, projection equal to a rebuild. */
class ConcurrentWritersIT {
    static final int WRITERS = 16;
    static final int EACH = 500;

    @TempDir
    Path dataDir;

    /** State-checking commands (body updates) from 8 writers on one annotation: every distinct item lands once. */
    private static void concurrentBodyUpdatesOnOneAnnotationAllLand(ApiClient alice, String docId) throws Exception {
        String iri = alice.post("/api/annotations", DocumentsAndAnnotationsIT.highlight(docId, 0, 5)).json().get("annotation").get("id").asText();
        String id = iri.substring(iri.lastIndexOf('/') + 1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> results = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
            int writer = w;
            results.add(pool.submit(() -> {
                int failures = 0;
                for (int i = 0; i < 25; i++) {
                    ApiClient.Response r = alice.send("PUT", "/api/annotations/" + id + "/body", java.util.Map.of("operations", List.of(
                            java.util.Map.of("op", "add", "item", java.util.Map.of("type", "TextualBody", "value", writer + "-" + i,
                                    "purpose", "commenting")))));
                    failures += r.status() == 200 ? 0 : 1;
                }
                return failures;
            }));
        }
        int failures = 0;
        for (Future<Integer> f : results) {
            failures += f.get();
        }
        pool.shutdown();
        assertThat(failures).isZero();
        assertThat(alice.get("/api/annotations/" + id).json().get("annotation").get("body")).hasSize(8 * 25);
    }

    @Test
    void sixteen_writers_adding_500_annotations_each_to_one_document_lose_nothing_and_leave_no_drift() throws Exception {
        long streamVersion;
        Instant lastEventTime;
        try (ApiServer server = ApiServer.start(dataDir)) {
            ApiClient alice = server.user("alice@example.org", false, false);
            String docId = ApiServer.createDocument(alice, "Busy", "Alice met Bob in Paris.").get("id").asText();
            ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
            List<Future<List<Integer>>> results = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                results.add(pool.submit(() -> {
                    List<Integer> bad = new ArrayList<>();
                    for (int i = 0; i < EACH; i++) {
                        ApiClient.Response r = alice.post("/api/annotations", DocumentsAndAnnotationsIT.highlight(docId, 0, 5));
                        if (r.status() != 201) {
                            bad.add(r.status());
                        }
                    }
                    return bad;
                }));
            }
            List<Integer> errors = new ArrayList<>();
            for (Future<List<Integer>> f : results) {
                errors.addAll(f.get());
            }
            pool.shutdown();
            assertThat(errors).isEmpty();
            assertThat(alice.get("/api/annotations?documentId=" + docId + "&limit=1").json().get("total").asInt())
                    .isEqualTo(WRITERS * EACH);
            VerifyReport report = server.app().api().events().verify(docId);
            assertThat(report.defects()).isEmpty();
            assertThat(report.events()).isEqualTo(1 + WRITERS * EACH);
            assertThat(server.app().api().events().count(docId)).isEqualTo(1 + WRITERS * EACH);
            assertThat(server.app().api().maintenance().check()).isEmpty();
            assertThat(alice.get("/api/documents/" + docId).json().get("annotations")).hasSize(WRITERS * EACH);
            concurrentBodyUpdatesOnOneAnnotationAllLand(alice, docId);
            StoredEvent last = server.app().api().events().readLatest(docId).orElseThrow();
            streamVersion = last.sequence();
            lastEventTime = last.instant();
        }
        Path file = Files.walk(dataDir.resolve("projections/documents")).filter(p -> p.toString().endsWith(".json"))
                .findFirst().orElseThrow();
        JsonNode projected = ApiClient.JSON.readTree(file.toFile()).get("annotations");
        assertThat(projected.get("annotations")).hasSize(WRITERS * EACH + 1);
        assertThat(projected.get("version").asLong()).as("the file's stream version").isEqualTo(streamVersion);
        assertThat(Instant.parse(projected.get("updatedAt").asText())).isEqualTo(lastEventTime);
    }
}

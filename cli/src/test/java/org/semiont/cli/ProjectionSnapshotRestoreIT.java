package org.semiont.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.semiont.server.api.ApiClient;
import org.semiont.server.api.ApiServer;

/**
 * The projection snapshot end to end: a backup taken while writers write carries one; a restore loads the newest at or
 * before its point and replays the rest, and {@code projections check} finds the rows equal to a rebuild; a point
 * before it, a manifest without one and a defective one are handled as they must be.
 */
class ProjectionSnapshotRestoreIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int WRITERS = 4;

    @TempDir
    Path tmp;

    private static Map<String, Object> highlight(String documentId, int start) {
        return Map.of("motivation", "highlighting", "target", Map.of("source", documentId, "selector", List.of(
                Map.of("type", "TextPositionSelector", "start", start, "end", start + 5))), "body", List.of());
    }

    @Test
    void restores_load_the_newest_snapshot_at_or_before_the_point_and_the_projections_check_clean() throws Exception {
        Path data = tmp.resolve("data");
        Path target = tmp.resolve("target");
        long beforeBackup;
        JsonNode full;
        JsonNode incremental;
        try (ApiServer server = ApiServer.start(data)) {
            ApiClient alice = server.user("alice@example.org", false, false);
            String doc = ApiServer.createDocument(alice, "Doc", "Alice met Bob in the garden.").get("id").asText();
            for (int i = 0; i < 10; i++) {
                assertThat(alice.post("/api/annotations", highlight(doc, i)).status()).isEqualTo(201);
            }
            beforeBackup = server.app().api().events().lastPosition();
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                writers.add(pool.submit(() -> {
                    while (!stop.get()) {
                        ApiClient.Response r = alice.post("/api/annotations", highlight(doc, 3));
                        assertThat(r.status()).as(r.body()).isEqualTo(201);
                    }
                    return null;
                }));
            }
            Thread.sleep(500);
            full = backup(data, target, "--full");
            stop.set(true);
            for (Future<?> f : writers) {
                f.get();
            }
            pool.shutdown();
            for (int i = 0; i < 200; i++) {
                assertThat(alice.post("/api/annotations", highlight(doc, i % 20)).status()).isEqualTo(201);
            }
            incremental = backup(data, target);
        }
        assertThat(full.get("snapshotNote").asText()).startsWith("projection snapshot at position");
        JsonNode fullManifest = manifest(target, full.get("id").asText());
        long snapshotAt = fullManifest.get("projectionSnapshot").get("position").asLong();
        long fullEnd = full.get("lastPosition").asLong();
        assertThat(full.get("snapshotPosition").asLong()).isEqualTo(snapshotAt);
        assertThat(snapshotAt).isGreaterThan(beforeBackup).isLessThanOrEqualTo(fullEnd);
        assertThat(fullManifest.get("projectionSnapshot").get("tables")).extracting(t -> t.get("table").asText())
                .containsExactly("annotations", "documents", "entity_types", "user_credentials", "users");
        assertThat(incremental.get("type").asText()).isEqualTo("incremental");
        long incrementalSnapshot = incremental.get("snapshotPosition").asLong();
        assertThat(incrementalSnapshot).isEqualTo(incremental.get("lastPosition").asLong());

        // at the snapshot's own position nothing is replayed: the check compares the loaded rows with a rebuild up to there
        JsonNode atSnapshot = restore(target, "r1", "--to-position", String.valueOf(snapshotAt));
        assertThat(atSnapshot.get("projections").asText()).isEqualTo("snapshot");
        assertThat(atSnapshot.get("replayedEvents").asLong()).isZero();
        assertThat(atSnapshot.get("projectionsCheck").asText()).isEqualTo("no drift");

        JsonNode latest = restore(target, "r2");
        assertThat(latest.get("projections").asText()).isEqualTo("snapshot");
        assertThat(latest.get("snapshotPosition").asLong()).isEqualTo(incrementalSnapshot);
        assertThat(latest.get("projectionsCheck").asText()).isEqualTo("no drift");

        JsonNode after = restore(target, "r3", "--to-position", String.valueOf(fullEnd + 5));
        assertThat(after.get("projections").asText()).isEqualTo("snapshot");
        assertThat(after.get("snapshotPosition").asLong()).isEqualTo(snapshotAt);
        assertThat(after.get("replayedEvents").asLong()).isEqualTo(fullEnd + 5 - snapshotAt);
        assertThat(after.get("eventsVerify").asText()).isEqualTo("clean");
        assertThat(after.get("projectionsCheck").asText()).isEqualTo("no drift");

        JsonNode before = restore(target, "r4", "--to-position", String.valueOf(beforeBackup));
        assertThat(before.get("projections").asText()).isEqualTo("rebuild");
        assertThat(before.get("projectionsNote").asText()).contains("before the projection snapshot");
        assertThat(before.get("projectionsCheck").asText()).isEqualTo("no drift");

        Path annotations = target.resolve("backups").resolve(full.get("id").asText()).resolve("projections").resolve("annotations.copy");
        byte[] original = Files.readAllBytes(annotations);
        byte[] flipped = original.clone();
        flipped[flipped.length / 2] ^= 1;
        Files.write(annotations, flipped);
        SemiontProcess.Result verify = SemiontProcess.run("backup", "verify", "--all", "--target", target.toString());
        assertThat(verify.exitCode()).as(verify.output()).isEqualTo(6);
        assertThat(verify.output()).contains("CHECKSUM_MISMATCH").contains("projections/annotations.copy");
        SemiontProcess.Result refused = SemiontProcess.run("restore", "--from", target.toString(), "--data-dir", tmp.resolve("r5").toString());
        assertThat(refused.exitCode()).as(refused.output()).isEqualTo(6);
        assertThat(refused.output()).contains("annotations.copy");
        Files.write(annotations, original);

        for (JsonNode b : List.of(full, incremental)) {
            Path m = target.resolve("backups").resolve(b.get("id").asText()).resolve("manifest.json");
            ObjectNode n = (ObjectNode) JSON.readTree(m.toFile());
            n.remove("projectionSnapshot");
            Files.write(m, JSON.writeValueAsBytes(n));
        }
        JsonNode old = restore(target, "r6");
        assertThat(old.get("projections").asText()).isEqualTo("rebuild");
        assertThat(old.get("projectionsNote").asText()).contains("no backup of the restored chain holds a projection snapshot");
        assertThat(old.get("projectionsCheck").asText()).isEqualTo("no drift");
    }

    private static JsonNode backup(Path data, Path target, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("backup", "create", "--target", target.toString(), "--data-dir", data.toString(), "--json"));
        args.addAll(List.of(extra));
        SemiontProcess.Separate r = SemiontProcess.runSeparately(args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        return JSON.readTree(r.out());
    }

    private JsonNode restore(Path target, String into, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("restore", "--from", target.toString(), "--data-dir", tmp.resolve(into).toString(), "--json"));
        args.addAll(List.of(extra));
        SemiontProcess.Separate r = SemiontProcess.runSeparately(args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        return JSON.readTree(r.out());
    }

    private static JsonNode manifest(Path target, String id) throws Exception {
        return JSON.readTree(target.resolve("backups").resolve(id).resolve("manifest.json").toFile());
    }

}

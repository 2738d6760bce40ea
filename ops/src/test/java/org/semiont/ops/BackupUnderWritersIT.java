package org.semiont.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.semiont.events.EventLog;
import org.semiont.events.EventLogOptions;
import org.semiont.events.StoredEvent;
import org.semiont.events.commit.Syncer;
import org.semiont.ops.backup.BackupCatalog;
import org.semiont.ops.backup.BackupCreator;
import org.semiont.ops.backup.BackupOptions;
import org.semiont.ops.backup.BackupResult;
import org.semiont.ops.restore.LogRestorer;
import org.semiont.ops.restore.RestorePlan;
import org.semiont.ops.restore.RestorePlanner;
import org.semiont.ops.restore.RestorePoint;
import org.semiont.ops.target.DirectoryTarget;
import org.semiont.server.api.ApiClient;
import org.semiont.server.api.ApiServer;

/** A backup taken while sixteen writers write: nothing acknowledged before it is missing, and a server starts on it. */
class BackupUnderWritersIT {
    static final int WRITERS = 16;

    @TempDir
    Path tmp;

    private static Map<String, Object> highlight(String documentId, int start) {
        return Map.of("motivation", "highlighting", "target", Map.of("source", documentId, "selector", List.of(
                Map.of("type", "TextPositionSelector", "start", start, "end", start + 5))), "body", List.of());
    }

    @Test
    void a_backup_taken_under_sixteen_writers_holds_every_annotation_acknowledged_before_it_began() throws Exception {
        Path data = tmp.resolve("data");
        DirectoryTarget target = new DirectoryTarget(tmp.resolve("target"));
        Set<String> acknowledgedBefore = ConcurrentHashMap.newKeySet();
        BackupResult backup;
        String docId;
        try (ApiServer server = ApiServer.start(data)) {
            ApiClient alice = server.user("alice@example.org", false, false);
            docId = ApiServer.createDocument(alice, "Doc", "Alice met Bob in the garden.").get("id").asText();
            AtomicBoolean backupStarted = new AtomicBoolean();
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                writers.add(pool.submit(() -> {
                    while (!stop.get()) {
                        ApiClient.Response r = alice.post("/api/annotations", highlight(docId, 0));
                        assertThat(r.status()).as(r.body()).isEqualTo(201);
                        // acknowledged before the backup read the log's end: the flag is set before it does
                        if (!backupStarted.get()) {
                            String iri = r.json().get("annotation").get("id").asText();
                            acknowledgedBefore.add(iri.substring(iri.lastIndexOf('/') + 1));
                        }
                    }
                    return null;
                }));
            }
            Thread.sleep(1500);
            backupStarted.set(true);
            try (EventLog ro = EventLog.open(data, EventLogOptions.defaults().withReadOnly(true))) {
                backup = new BackupCreator(target, ro, data, Clock.systemUTC(), "test").create(BackupOptions.defaults());
            }
            Thread.sleep(500);
            stop.set(true);
            for (Future<?> f : writers) {
                f.get();
            }
            pool.shutdown();
        }
        assertThat(acknowledgedBefore).hasSizeGreaterThan(WRITERS);

        Path restored = tmp.resolve("restored");
        BackupCatalog catalog = BackupCatalog.read(target);
        RestorePlan plan = new RestorePlanner(catalog).plan(Optional.empty(), new RestorePoint.Latest());
        LogRestorer restorer = new LogRestorer(target, catalog);
        restorer.verify(plan);
        try (EventLog dest = EventLog.open(restored, EventLogOptions.defaults().withSyncer(Syncer.NONE))) {
            restorer.restore(plan, dest, restored, p -> { });
        }
        List<String> original = lines(data, backup.manifest().log().lastPosition());
        assertThat(lines(restored, Long.MAX_VALUE)).containsExactlyElementsOf(original);
        Set<String> restoredAnnotations = ConcurrentHashMap.newKeySet();
        try (EventLog log = EventLog.open(restored, EventLogOptions.defaults().withReadOnly(true))) {
            assertThat(log.verify(null).defects()).isEmpty();
            try (Stream<StoredEvent> all = log.readAll(1)) {
                all.filter(e -> e.type().equals("annotation.added"))
                        .forEach(e -> restoredAnnotations.add(e.event().path("payload").path("annotation").path("id").asText()));
            }
        }
        assertThat(restoredAnnotations.stream().map(i -> i.substring(i.lastIndexOf('/') + 1)).toList()).containsAll(acknowledgedBefore);

        try (ApiServer server = ApiServer.start(restored)) {
            ApiClient alice = server.signIn("alice@example.org");
            JsonNode list = alice.get("/api/annotations?documentId=" + docId + "&limit=1").json();
            assertThat(list.get("total").asLong()).isEqualTo(restoredAnnotations.size());
        }
    }

    private static List<String> lines(Path dataDir, long upTo) {
        try (EventLog log = EventLog.open(dataDir, EventLogOptions.defaults().withReadOnly(true));
             Stream<StoredEvent> all = log.readAll(1)) {
            return all.takeWhile(e -> e.position() <= upTo).map(e -> e.position() + " " + e.streamId() + " " + e.lineJson()).toList();
        }
    }
}

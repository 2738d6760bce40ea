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
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.semiont.events.EventLog;
import org.semiont.events.EventLogOptions;
import org.semiont.ops.archive.ArchiveCatalog;
import org.semiont.ops.archive.ArchiveSegment;
import org.semiont.ops.target.DirectoryTarget;

/** 'semiont start' with a backup target: the missed scheduled backup runs at start, and archiving ships every write. */
class ServerBackupsIT {
    @TempDir
    Path tmp;

    private static void await(String what, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(100);
        }
    }

    private static JsonNode json(SemiontProcess.Result r) throws Exception {
        return new ObjectMapper().readTree(r.output().substring(r.output().indexOf('{')));
    }

    @Test
    void a_server_with_a_target_backs_up_at_start_and_archives_each_write_so_a_restore_taken_while_it_runs_has_them_all()
            throws Exception {
        Path data = tmp.resolve("data");
        Path target = tmp.resolve("target");
        assertThat(SemiontProcess.run("useradd", "--email", "ada@example.org", "--admin", "--data-dir", data.toString()).exitCode()).isZero();
        Map<String, String> env = Map.of("SEMIONT_BACKUP_TARGET", target.toString(), "SEMIONT_BACKUP_ARCHIVE", "on",
                "SEMIONT_BACKUP_ARCHIVE_INTERVAL", "200ms");
        try (SemiontProcess server = SemiontProcess.startWith(data, env)) {
            String url = server.awaitUrl(Duration.ofSeconds(90));
            await("the backup missed while the server was down", () -> listed(target) == 1);

            assertThat(SemiontProcess.run("useradd", "--email", "bob@example.org", "--data-dir", data.toString()).exitCode()).isZero();
            assertThat(SemiontProcess.run("useradd", "--email", "cy@example.org", "--data-dir", data.toString()).exitCode()).isZero();
            long end;
            String logId;
            try (EventLog log = EventLog.open(data, EventLogOptions.defaults().withReadOnly(true))) {
                end = log.lastPosition();
                logId = log.logId();
            }
            DirectoryTarget t = new DirectoryTarget(target);
            await("the archive to reach position " + end, () -> ArchiveCatalog.read(t).end(logId).orElse(0L) >= end);
            assertThat(ArchiveCatalog.read(t).all()).extracting(ArchiveSegment::first).allMatch(first -> first > 1);
            theArchiveIsInHealthListAndVerify(url, target, end);

            SemiontProcess.Result restored = SemiontProcess.run("restore", "--from", target.toString(),
                    "--data-dir", tmp.resolve("restored").toString(), "--json");
            assertThat(restored.exitCode()).as(restored.output()).isZero();
            JsonNode r = json(restored);
            assertThat(r.get("lastPosition").asLong()).isEqualTo(end);
            assertThat(r.get("projectionsCheck").asText()).isEqualTo("no drift");
        }
        SemiontProcess.Result bad = SemiontProcess.runWithEnv(Map.of("SEMIONT_BACKUP_TARGET", target.toString(),
                "SEMIONT_BACKUP_SCHEDULE", "0 25 * * *"), "start", "--port", "0", "--data-dir", tmp.resolve("other").toString());
        assertThat(bad.exitCode()).as(bad.output()).isEqualTo(2);
        assertThat(bad.output()).contains("SEMIONT_BACKUP_SCHEDULE").contains("hour");
    }

    /** /api/health shows the archive's lag; list shows how far it reaches; verify checks it and is recorded. */
    private static void theArchiveIsInHealthListAndVerify(String url, Path target, long end) throws Exception {
        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "/api/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode archive = new ObjectMapper().readTree(health.body()).get("backupArchive");
        assertThat(archive).as(health.body()).isNotNull();
        assertThat(archive.get("status").asText()).isEqualTo("on");
        assertThat(archive.get("archivedPosition").asLong()).isGreaterThanOrEqualTo(end);
        assertThat(archive.get("lagSeconds").isNumber()).as(health.body()).isTrue();

        JsonNode list = json(SemiontProcess.run("backup", "list", "--target", target.toString(), "--json"));
        JsonNode backup = list.get("backups").get(0);
        assertThat(backup.get("verifiedAt").isNull()).isTrue();
        assertThat(backup.get("archive").get("lastPosition").asLong()).isGreaterThanOrEqualTo(end);
        assertThat(backup.get("restores").get("withArchiveToPosition").asLong()).isGreaterThanOrEqualTo(end);
        assertThat(list.get("segments")).isNotEmpty().allSatisfy(s -> assertThat(s.get("continues").asText()).isEqualTo(backup.get("id").asText()));
        SemiontProcess.Result text = SemiontProcess.run("backup", "list", "--target", target.toString());
        assertThat(text.output()).contains("with the archive").contains("Archive after " + backup.get("id").asText());

        SemiontProcess.Result verify = SemiontProcess.run("backup", "verify", "--target", target.toString());
        assertThat(verify.exitCode()).as(verify.output()).isZero();
        assertThat(verify.output()).contains("archive segment(s)");
        JsonNode listed = json(SemiontProcess.run("backup", "list", "--target", target.toString(), "--json")).get("backups").get(0);
        assertThat(listed.get("verifiedAt").asText()).isNotEmpty();
    }

    private static int listed(Path target) {
        try {
            SemiontProcess.Result list = SemiontProcess.run("backup", "list", "--target", target.toString(), "--json");
            return list.exitCode() == 0 ? json(list).get("backups").size() : -1;
        } catch (Exception e) {
            return -1;
        }
    }
}

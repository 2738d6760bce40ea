package org.semiont.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.semiont.server.testing.ExternalPostgres;

/**
 * A backup killed with SIGKILL half way leaves no backup anyone could take for one (no manifest: not listed, not
 * restorable) and does not stop the next; and a backup restores into an external PostgreSQL (TLS, password) as well
 * as into the embedded one.
 */
class BackupKillAndExternalRestoreIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int DOCUMENTS = 40;

    @TempDir
    Path tmp;

    @Test
    void a_backup_killed_half_way_is_never_listed_the_next_one_succeeds_and_it_restores_into_an_external_postgresql() throws Exception {
        Path data = tmp.resolve("data");
        Path target = tmp.resolve("target");
        try (SemiontProcess server = SemiontProcess.start(data)) {
            String url = server.awaitUrl(Duration.ofSeconds(90));
            String token = SemiontProcess.addUserWithToken(data, "ada@example.org");
            String content = "Ada met Bob. ".repeat(60_000); // ~780 KB: copying and hashing content takes a while
            HttpClient http = HttpClient.newHttpClient();
            for (int i = 0; i < DOCUMENTS; i++) {
                String body = JSON.writeValueAsString(java.util.Map.of("name", "Doc " + i, "content", content + i));
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + "/api/documents"))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
            }

            Path cutShort = killBackupHalfWay(data, target);
            SemiontProcess.Result list = SemiontProcess.run("backup", "list", "--target", target.toString(), "--json");
            assertThat(list.exitCode()).as(list.output()).isZero();
            assertThat(backups(list)).as("a backup without its manifest does not exist").isEmpty();

            SemiontProcess.Result next = SemiontProcess.run("backup", "create", "--target", target.toString(),
                    "--data-dir", data.toString());
            assertThat(next.exitCode()).as(next.output()).isZero();
            assertThat(cutShort).as("the next run cleans up what the killed one left").doesNotExist();
            SemiontProcess.Result listed = SemiontProcess.run("backup", "list", "--target", target.toString(), "--json");
            assertThat(backups(listed)).hasSize(1);
            assertThat(backups(listed).get(0).get("type").asText()).isEqualTo("full");
            SemiontProcess.Result verify = SemiontProcess.run("backup", "verify", "--all", "--target", target.toString());
            assertThat(verify.exitCode()).as(verify.output()).isZero();
        }

        try (ExternalPostgres external = ExternalPostgres.start(tmp.resolve("external"))) {
            SemiontProcess.Result restored = SemiontProcess.run("restore", "--from", target.toString(),
                    "--data-dir", tmp.resolve("restored").toString(), "--url", external.url());
            assertThat(restored.exitCode()).as(restored.output()).isZero();
            assertThat(restored.output()).contains("events verify: clean").contains("projections check: no drift")
                    .doesNotContain(ExternalPostgres.PASSWORD);
            assertThat(Files.exists(tmp.resolve("restored").resolve("postgres"))).as("no embedded cluster").isFalse();
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + external.port() + "/"
                    + ExternalPostgres.DATABASE + "?user=postgres"); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT count(*) FROM documents")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(DOCUMENTS);
            }
        }
    }

    /** Starts full backups until one is caught with its folder written and no manifest yet, and SIGKILLs it there. */
    private static Path killBackupHalfWay(Path data, Path target) throws Exception {
        for (int attempt = 0; attempt < 5; attempt++) {
            Process backup = SemiontProcess.builder("backup", "create", "--full", "--target", target.toString(),
                    "--data-dir", data.toString()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            while (backup.isAlive()) {
                Path inProgress = unfinished(target);
                if (inProgress != null) {
                    backup.destroyForcibly(); // SIGKILL: no shutdown hook, no clean-up
                    assertThat(backup.waitFor(30, TimeUnit.SECONDS)).isTrue();
                    assertThat(backup.exitValue()).isEqualTo(137);
                    return inProgress;
                }
                Thread.sleep(2);
            }
            // it finished before it was seen: remove it and try again, so the next attempt starts from nothing
            deleteTree(target);
        }
        throw new AssertionError("five backups finished before one could be caught half way; make the data larger");
    }

    private static Path unfinished(Path target) throws Exception {
        Path backups = target.resolve("backups");
        if (!Files.isDirectory(backups)) {
            return null;
        }
        try (Stream<Path> dirs = Files.list(backups)) {
            List<Path> open = dirs.filter(d -> Files.isDirectory(d) && !Files.exists(d.resolve("manifest.json"))
                    && hasFiles(d)).toList();
            return open.isEmpty() ? null : open.get(0);
        }
    }

    private static boolean hasFiles(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.anyMatch(Files::isRegularFile);
        } catch (java.io.IOException e) {
            return false; // being written
        }
    }

    private static void deleteTree(Path dir) throws Exception {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static List<JsonNode> backups(SemiontProcess.Result list) throws Exception {
        JsonNode root = JSON.readTree(list.output().substring(list.output().indexOf('{')));
        List<JsonNode> out = new java.util.ArrayList<>();
        root.get("backups").forEach(out::add);
        return out;
    }
}

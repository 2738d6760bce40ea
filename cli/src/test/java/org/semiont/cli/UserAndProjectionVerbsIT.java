package org.semiont.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** useradd and token work with the server stopped (direct to the log) and running (through the server). */
class UserAndProjectionVerbsIT {
    @TempDir
    Path dataDir;

    @Test
    void projections_verbs_work_on_a_data_dir_where_no_server_ever_ran() throws Exception {
        String dir = dataDir.resolve("fresh").toString();
        assertThat(SemiontProcess.run("useradd", "--email", "first@example.org", "--data-dir", dir).exitCode()).isZero();
        SemiontProcess.Result rebuild = SemiontProcess.run("projections", "rebuild", "--data-dir", dir);
        assertThat(rebuild.exitCode()).as(rebuild.output()).isZero();
        SemiontProcess.Result check = SemiontProcess.run("projections", "check", "--data-dir", dir);
        assertThat(check.exitCode()).as(check.output()).isZero();
    }

    @Test
    void users_added_before_and_while_the_server_runs_can_sign_in_and_projections_then_check_clean() throws Exception {
        String dir = dataDir.toString();
        SemiontProcess.Result offline = SemiontProcess.run("useradd", "--email", "ada@example.org", "--name", "Ada", "--admin",
                "--data-dir", dir);
        assertThat(offline.exitCode()).as(offline.output()).isZero();
        assertThat(SemiontProcess.run("useradd", "--email", "ada@example.org", "--data-dir", dir).exitCode()).isEqualTo(1);
        String offlineToken = lastLine(SemiontProcess.run("token", "--email", "ada@example.org", "--data-dir", dir));
        try (SemiontProcess server = SemiontProcess.start(dataDir)) {
            String url = server.awaitUrl(Duration.ofSeconds(90));
            assertThat(get(url + "/api/users/me", offlineToken)).contains("\"email\":\"ada@example.org\"");
            SemiontProcess.Result online = SemiontProcess.run("useradd", "--email", "bob@example.org", "--moderator", "--data-dir", dir);
            assertThat(online.exitCode()).as(online.output()).isZero();
            String bobToken = lastLine(SemiontProcess.run("token", "--email", "bob@example.org", "--data-dir", dir));
            assertThat(get(url + "/api/users/me", bobToken)).contains("\"email\":\"bob@example.org\"");
            assertThat(SemiontProcess.run("token", "--email", "nobody@example.org", "--data-dir", dir).output())
                    .contains("No user with email nobody@example.org");
            SemiontProcess.Result otherSecret = SemiontProcess.runWithEnv(Map.of("JWT_SECRET",
                    "another-secret-0123456789-0123456789-abcdef"), "useradd", "--email", "eve@example.org", "--data-dir", dir);
            assertThat(otherSecret.exitCode()).isEqualTo(1);
            assertThat(otherSecret.output()).contains("signs tokens with another secret than this command")
                    .contains("JWT_SECRET").doesNotContain("another-secret-0123456789");
            SemiontProcess.Result busy = SemiontProcess.run("projections", "check", "--data-dir", dir);
            assertThat(busy.exitCode()).isEqualTo(1);
            assertThat(busy.output()).contains("stop it first");
            // another data dir on the running server's database: before the projections lock, this emptied its tables
            String port = new ObjectMapper().readTree(dataDir.resolve("run/postgres.json").toFile()).get("port").asText();
            java.nio.file.Files.createDirectories(dataDir.resolve("other"));
            SemiontProcess.Result foreign = SemiontProcess.runWithEnv(Map.of("DATABASE_URL", "postgresql://postgres@127.0.0.1:"
                    + port + "/semiont"), "projections", "rebuild", "--data-dir", dataDir.resolve("other").toString());
            assertThat(foreign.exitCode()).as(foreign.output()).isEqualTo(1);
            assertThat(foreign.output()).contains("another process is writing the projections").contains("semiont start");
            assertThat(get(url + "/api/users/me", bobToken)).contains("\"email\":\"bob@example.org\"");
            server.process().destroy();
            assertThat(server.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        SemiontProcess.Result check = SemiontProcess.run("projections", "check", "--data-dir", dir);
        assertThat(check.exitCode()).as(check.output()).isZero();
        assertThat(check.output()).contains("no drift");
        SemiontProcess.Result rebuild = SemiontProcess.run("projections", "rebuild", "--data-dir", dir);
        assertThat(rebuild.exitCode()).as(rebuild.output()).isZero();
        assertThat(rebuild.output()).contains("Rebuilt all projections");
    }

    @Test
    void check_finds_projection_files_missing_changed_or_of_no_document_and_rebuild_rewrites_them() throws Exception {
        String dir = dataDir.toString();
        String token = SemiontProcess.addUserWithToken(dataDir, "ada@example.org");
        List<String> docs = new ArrayList<>();
        try (SemiontProcess server = SemiontProcess.start(dataDir)) {
            String url = server.awaitUrl(Duration.ofSeconds(90));
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "/api/documents"))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"D" + i + "\",\"content\":\"Text " + i + "\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
                docs.add(new ObjectMapper().readTree(r.body()).get("document").get("id").asText());
            }
            server.process().destroy();
            assertThat(server.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        SemiontProcess.Result clean = SemiontProcess.run("projections", "check", "--data-dir", dir);
        assertThat(clean.exitCode()).as(clean.output()).isZero();
        assertThat(clean.output()).contains("tables and JSON files");

        Files.delete(fileOf(docs.get(0)));
        Path changed = fileOf(docs.get(1));
        Files.writeString(changed, Files.readString(changed).replace("\"D1\"", "\"Renamed by hand\""));
        Path entityTypes = dataDir.resolve("projections/entity-types/entity-types.json");
        Files.writeString(entityTypes, Files.readString(entityTypes).replace("\"Person\"", "\"Persona\""));
        Path stray = changed.resolveSibling("doc-sha256:" + "0".repeat(64) + ".json");
        Files.writeString(stray, "{}");
        SemiontProcess.Result drift = SemiontProcess.run("projections", "check", "--data-dir", dir);
        assertThat(drift.exitCode()).as(drift.output()).isEqualTo(5);
        assertThat(drift.output()).contains(docs.get(0) + ".json missing").contains(docs.get(1) + ".json differs from the rows")
                .contains(stray.getFileName() + " has no document").contains("entity-types.json differs from the rows")
                .doesNotContain(docs.get(2));

        Files.delete(stray);
        SemiontProcess.Result rebuild = SemiontProcess.run("projections", "rebuild", "--data-dir", dir);
        assertThat(rebuild.exitCode()).as(rebuild.output()).isZero();
        SemiontProcess.Result after = SemiontProcess.run("projections", "check", "--data-dir", dir);
        assertThat(after.exitCode()).as(after.output()).isZero();
    }

    private Path fileOf(String documentId) throws Exception {
        try (Stream<Path> files = Files.walk(dataDir.resolve("projections/documents"))) {
            return files.filter(f -> f.getFileName().toString().equals(documentId + ".json")).findFirst().orElseThrow();
        }
    }

    private static String lastLine(SemiontProcess.Result r) {
        assertThat(r.exitCode()).as(r.output()).isZero();
        List<String> lines = r.output().lines().filter(l -> !l.isBlank()).toList();
        String token = lines.get(lines.size() - 1);
        assertThat(token).matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");
        return token;
    }

    private static String get(String url, String token) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.body();
    }
}

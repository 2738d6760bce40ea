package org.semiont.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The backup and restore verbs end to end: a backup of a running server, restored whole and to a position. */
class BackupRestoreIT {
    @TempDir
    Path tmp;

    @Test
    void a_backup_of_a_running_server_restores_into_an_empty_data_dir_with_a_clean_log_and_no_projection_drift() throws Exception {
        Path data = tmp.resolve("data");
        String target = tmp.resolve("target").toString();
        SemiontProcess.Result first = SemiontProcess.run("useradd", "--email", "ada@example.org", "--admin", "--data-dir", data.toString());
        assertThat(first.exitCode()).as(first.output()).isZero();
        try (SemiontProcess server = SemiontProcess.start(data)) {
            server.awaitUrl(Duration.ofSeconds(90));
            assertThat(SemiontProcess.run("useradd", "--email", "bob@example.org", "--data-dir", data.toString()).exitCode()).isZero();
            SemiontProcess.Result full = SemiontProcess.run("backup", "create", "--target", target, "--data-dir", data.toString(), "--json");
            assertThat(full.exitCode()).as(full.output()).isZero();
            assertThat(SemiontProcess.run("useradd", "--email", "cy@example.org", "--data-dir", data.toString()).exitCode()).isZero();
            SemiontProcess.Result incr = SemiontProcess.run("backup", "create", "--target", target, "--data-dir", data.toString());
            assertThat(incr.exitCode()).as(incr.output()).isZero();
            assertThat(incr.output()).contains("(incremental: events after backup");
            server.process().destroy();
            assertThat(server.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        SemiontProcess.Result list = SemiontProcess.run("backup", "list", "--target", target, "--json");
        assertThat(list.exitCode()).as(list.output()).isZero();
        JsonNode backups = new ObjectMapper().readTree(list.output().substring(list.output().indexOf('{'))).get("backups");
        assertThat(backups).hasSize(2);
        long firstEnd = backups.get(0).get("lastPosition").asLong();
        assertThat(backups.get(1).get("type").asText()).isEqualTo("incremental");
        assertThat(SemiontProcess.run("backup", "verify", "--all", "--target", target).exitCode()).isZero();

        SemiontProcess.Result restored = SemiontProcess.run("restore", "--from", target, "--data-dir", tmp.resolve("r1").toString());
        assertThat(restored.exitCode()).as(restored.output()).isZero();
        assertThat(restored.output()).contains("events verify: clean").contains("projections check: no drift");
        SemiontProcess.Result again = SemiontProcess.run("restore", "--from", target, "--data-dir", tmp.resolve("r1").toString());
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.output()).contains("already holds data");

        SemiontProcess.Result pit = SemiontProcess.run("restore", "--from", target, "--to-position", String.valueOf(firstEnd),
                "--data-dir", tmp.resolve("r2").toString(), "--json");
        assertThat(pit.exitCode()).as(pit.output()).isZero();
        JsonNode p = new ObjectMapper().readTree(pit.output().substring(pit.output().indexOf('{')));
        assertThat(p.get("lastPosition").asLong()).isEqualTo(firstEnd);
        assertThat(p.get("projectionsCheck").asText()).isEqualTo("no drift");

        Path chunk;
        try (Stream<Path> files = Files.walk(Path.of(target))) {
            chunk = files.filter(f -> f.toString().endsWith(".records")).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(chunk);
        bytes[bytes.length / 2] ^= 1;
        Files.write(chunk, bytes);
        SemiontProcess.Result verify = SemiontProcess.run("backup", "verify", "--all", "--target", target);
        assertThat(verify.exitCode()).isEqualTo(6);
        assertThat(verify.output()).contains("CHECKSUM_MISMATCH").contains(chunk.getFileName().toString());
        SemiontProcess.Result refused = SemiontProcess.run("restore", "--from", target, "--data-dir", tmp.resolve("r3").toString());
        assertThat(refused.exitCode()).isEqualTo(6);
        assertThat(tmp.resolve("r3")).doesNotExist();
        assertThat(SemiontProcess.run("restore", "--from", target, "--to-time", "yesterday", "--data-dir", tmp.resolve("r4").toString())
                .exitCode()).isEqualTo(2);
    }
}

package org.semiont.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.semiont.server.testing.Http;

/** {@code semiont start} as a real process: signals, kill -9, the data dir lock, health and logs verbs. */
class StartProcessIT {
    @TempDir
    Path dataDir;

    @Test
    void sigterm_stops_the_server_and_its_database_and_exits_0_within_10_seconds() throws Exception {
        try (SemiontProcess server = SemiontProcess.start(dataDir)) {
            String url = server.awaitUrl(Duration.ofSeconds(120));
            assertThat(Http.get(url + "/api/health/ready").status()).isEqualTo(200);
            assertThat(server.output()).contains("Database: embedded PostgreSQL at " + dataDir.resolve("postgres"))
                    .contains("Data dir: " + dataDir);
            long t0 = System.nanoTime();
            server.process().destroy();
            assertThat(server.process().waitFor(10, TimeUnit.SECONDS)).as("stopped within 10 s").isTrue();
            assertThat(server.process().exitValue()).isZero();
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
            assertThat(dataDir.resolve("postgres").resolve("postmaster.pid")).doesNotExist();
        }
    }

    @Test
    void a_locale_this_machine_lacks_does_not_stop_the_first_start_and_the_cluster_orders_text_by_code_point() throws Exception {
        Map<String, String> foreign = Map.of("LANG", "xx_YY.UTF-8", "LC_ALL", "xx_YY.UTF-8");
        try (SemiontProcess server = SemiontProcess.startWith(dataDir, foreign)) {
            String url = server.awaitUrl(Duration.ofSeconds(120));
            assertThat(Http.get(url + "/api/health/ready").status()).isEqualTo(200);
            int port = new ObjectMapper().readTree(dataDir.resolve("run/postgres.json").toFile()).get("port").asInt();
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/semiont", "postgres", null);
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT datcollate, datctype, lower('ÉMILE') FROM pg_database WHERE datname = 'semiont'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("C");
                assertThat(rs.getString(2)).isEqualTo("C.UTF-8");
                assertThat(rs.getString(3)).as("non-ASCII letters still fold").isEqualTo("émile");
            }
        }
    }

    @Test
    void after_kill_9_the_next_start_takes_over_the_data_dir_and_its_orphaned_database() throws Exception {
        try (SemiontProcess first = SemiontProcess.start(dataDir)) {
            first.awaitUrl(Duration.ofSeconds(120));
            first.process().destroyForcibly().waitFor();
        }
        assertThat(dataDir.resolve("postgres").resolve("postmaster.pid")).as("postgres outlived its server").exists();
        try (SemiontProcess second = SemiontProcess.start(dataDir)) {
            String url = second.awaitUrl(Duration.ofSeconds(120));
            assertThat(Http.get(url + "/api/health/ready").status()).isEqualTo(200);
            assertThat(second.output()).contains("left running by a previous process");
            second.process().destroy();
            assertThat(second.process().waitFor(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void a_second_start_on_a_busy_data_dir_fails_fast_and_the_first_keeps_serving() throws Exception {
        try (SemiontProcess first = SemiontProcess.start(dataDir)) {
            String url = first.awaitUrl(Duration.ofSeconds(120));
            SemiontProcess.Result second = SemiontProcess.run("start", "--port", "0", "--data-dir", dataDir.toString());
            assertThat(second.exitCode()).isNotZero();
            assertThat(second.output()).contains("already in use by 'semiont start'");
            assertThat(Http.get(url + "/api/health/ready").status()).isEqualTo(200);
        }
    }

    @Test
    void health_and_logs_verbs_read_a_running_server() throws Exception {
        try (SemiontProcess server = SemiontProcess.start(dataDir)) {
            String url = server.awaitUrl(Duration.ofSeconds(120));
            SemiontProcess.Result health = SemiontProcess.run("health", "--url", url);
            assertThat(health.exitCode()).isZero();
            assertThat(health.output()).contains("\"database\":\"connected\"");
            SemiontProcess.Result byDataDir = SemiontProcess.run("health", "--data-dir", dataDir.toString());
            assertThat(byDataDir.exitCode()).as("the server on a random port, found through its data dir").isZero();
            SemiontProcess.Result logs = SemiontProcess.run("logs", "--data-dir", dataDir.toString(), "--grep", "LISTENING ON", "--since", "10m");
            assertThat(logs.exitCode()).isZero();
            assertThat(logs.output()).contains("listening on " + url);
            SemiontProcess.Result errorsOnly = SemiontProcess.run("logs", "--data-dir", dataDir.toString(), "--level", "error");
            assertThat(errorsOnly.output()).doesNotContain("listening on");
            assertThat(Files.readString(dataDir.resolve("logs/semiont.log"))).startsWith("{\"ts\":");
        }
        SemiontProcess.Result down = SemiontProcess.run("health", "--url", "http://127.0.0.1:9", "--timeout", "2");
        assertThat(down.exitCode()).isEqualTo(1);
        assertThat(down.output()).contains("No server answered");
    }

    @Test
    void usage_errors_exit_2_and_every_verb_has_help() throws Exception {
        assertThat(SemiontProcess.run("logs", "--level", "LOUD").exitCode()).isEqualTo(2);
        assertThat(SemiontProcess.run("start", "--port", "not-a-port").exitCode()).isEqualTo(2);
        for (String verb : new String[] {"start", "health", "logs", "db", "events"}) {
            SemiontProcess.Result help = SemiontProcess.run(verb, "--help");
            assertThat(help.exitCode()).as(verb + " --help").isZero();
            assertThat(help.output()).contains("Usage: semiont " + verb);
        }
        assertThat(SemiontProcess.run("--version").output()).startsWith("semiont ");
    }
}

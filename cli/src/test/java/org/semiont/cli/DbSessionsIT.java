package org.semiont.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import org.junit.jupiter.api.io.TempDir;

/**
 * db activity / terminate against a running server (a real process) and its embedded PostgreSQL, with sessions the
 * test opens itself.
 */
class DbSessionsIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    @Test
    void a_long_query_is_listed_and_terminated_while_semiont_sessions_survive() throws Exception {
        String dir = dataDir.toString();
        try (SemiontProcess server = SemiontProcess.start(dataDir)) {
            String url = server.awaitUrl(Duration.ofSeconds(90));
            int port = JSON.readTree(dataDir.resolve("run/postgres.json").toFile()).get("port").asInt();
            try (Connection sleeper = connect(port, "sleeper-test"); Connection lookalike = connect(port, "semiont")) {
                int sleeperPid = pid(sleeper);
                int lookalikePid = pid(lookalike);
                CompletableFuture<SQLException> sleeperEnd = sleep(sleeper);
                CompletableFuture<SQLException> lookalikeEnd = sleep(lookalike);
                Set<Integer> semiontBefore = awaitBusy(dir, sleeperPid);
                assertThat(semiontBefore).contains(lookalikePid).hasSizeGreaterThan(1);
                assertThat(applications(dir)).contains("semiont app").anyMatch(a -> a.startsWith("semiont start (pid "));

                Run shell = cli("db", "sql", "--data-dir", dir, "-c",
                        "SELECT current_setting('application_name') AS app, current_setting('default_transaction_read_only') AS ro");
                assertThat(shell.exitCode()).as(shell.output()).isZero();
                assertThat(shell.output()).contains(" semiont-sql | on");

                Run table = cli("db", "activity", "--data-dir", dir);
                assertThat(table.exitCode()).as(table.output()).isZero();
                assertThat(table.output()).contains("PID").contains("QUERY AGE").contains(String.valueOf(sleeperPid))
                        .contains("sleeper-test").contains("SELECT pg_sleep(120)");
                assertThat(cli("db", "activity", "--min-duration", "1h", "--data-dir", dir).output())
                        .doesNotContain("sleeper-test");

                Run unasked = cli("db", "terminate", "--older-than", "1s", "--data-dir", dir);
                assertThat(unasked.exitCode()).as(unasked.output()).isEqualTo(2);
                assertThat(unasked.output()).contains("--yes");
                Run dry = cli("db", "terminate", "--older-than", "1s", "--dry-run", "--data-dir", dir);
                assertThat(dry.exitCode()).as(dry.output()).isZero();
                assertThat(dry.output()).contains("Would terminate 1 session").contains(String.valueOf(sleeperPid));
                Run refused = cli("db", "terminate", String.valueOf(lookalikePid), "--yes", "--data-dir", dir);
                assertThat(refused.exitCode()).as(refused.output()).isEqualTo(1);
                assertThat(refused.output()).contains("--include-semiont");
                assertThat(sleeperEnd.isDone()).as("the sleeper is still running").isFalse();

                Run ended = cli("db", "terminate", "--older-than", "1s", "--yes", "--data-dir", dir);
                assertThat(ended.exitCode()).as(ended.output()).isZero();
                assertThat(ended.output()).contains("Terminated " + sleeperPid).doesNotContain("Terminated " + lookalikePid);
                assertThat((Object) sleeperEnd.get(20, TimeUnit.SECONDS)).isNotNull();
                assertThat(lookalikeEnd.isDone()).as("the semiont-named session is still running").isFalse();
                assertThat(semiontSessions(dir)).containsAll(semiontBefore);
                assertThat(health(url)).isEqualTo(200);

                Run cancelled = cli("db", "cancel", String.valueOf(lookalikePid),
                        "--include-semiont", "--data-dir", dir);
                assertThat(cancelled.exitCode()).as(cancelled.output()).isZero();
                assertThat((Object) lookalikeEnd.get(20, TimeUnit.SECONDS)).isNotNull();
                assertThat(cli("db", "terminate", "999999", "--yes", "--data-dir", dir).exitCode()).isEqualTo(1);
                assertThat(cli("db", "terminate", "--yes", "--data-dir", dir).exitCode()).isEqualTo(2);
                Run locks = cli("db", "locks", "--data-dir", dir);
                assertThat(locks.exitCode()).as(locks.output()).isZero();
            }
        }
    }

    @Test
    void locks_show_the_blocker_above_the_session_it_blocks() throws Exception {
        String dir = dataDir.toString();
        try (SemiontProcess server = SemiontProcess.start(dataDir)) {
            server.awaitUrl(Duration.ofSeconds(90));
            int port = JSON.readTree(dataDir.resolve("run/postgres.json").toFile()).get("port").asInt();
            try (Connection holder = connect(port, "holder-test"); Connection waiter = connect(port, "waiter-test")) {
                try (Statement s = holder.createStatement()) {
                    s.execute("CREATE TABLE lock_probe(id int)");
                    holder.setAutoCommit(false);
                    s.execute("LOCK TABLE lock_probe IN ACCESS EXCLUSIVE MODE");
                }
                CompletableFuture<SQLException> waiting = CompletableFuture.supplyAsync(() -> {
                    try (Statement s = waiter.createStatement()) {
                        s.execute("SELECT count(*) FROM lock_probe");
                        return null;
                    } catch (SQLException e) {
                        return e;
                    }
                });
                String tree = "";
                for (int i = 0; i < 40 && !tree.contains("waiter-test"); i++) {
                    Thread.sleep(250);
                    tree = cli("db", "locks", "--data-dir", dir).output();
                }
                assertThat(tree).contains(pid(holder) + "  postgres  holder-test  idle in transaction")
                        .contains("└─ " + pidOf(dir, "waiter-test") + "  postgres  waiter-test  active")
                        .contains("waits for AccessShareLock on table lock_probe");
                Run json = cli("db", "locks", "--json", "--data-dir", dir);
                assertThat(json.exitCode()).as(json.output()).isZero();
                com.fasterxml.jackson.databind.JsonNode holderNode = null;
                for (com.fasterxml.jackson.databind.JsonNode root : JSON.readTree(json.out())) {
                    if (root.get("pid").asInt() == pid(holder)) {
                        holderNode = root;
                    }
                }
                assertThat(holderNode).as(json.out()).isNotNull();
                assertThat(holderNode.get("application").asText()).isEqualTo("holder-test");
                assertThat(holderNode.get("waitsFor").isNull()).isTrue();
                com.fasterxml.jackson.databind.JsonNode waiterNode = holderNode.get("waiting").get(0);
                assertThat(waiterNode.get("pid").asInt()).isEqualTo(pidOf(dir, "waiter-test"));
                assertThat(waiterNode.get("waitsFor").get("mode").asText()).isEqualTo("AccessShareLock");
                assertThat(waiterNode.get("waitsFor").get("relation").asText()).contains("lock_probe");
                assertThat(waiterNode.get("blockedBy").get(0).asInt()).isEqualTo(pid(holder));
                holder.rollback();
                assertThat((Object) waiting.get(20, TimeUnit.SECONDS)).isNull();
            }
        }
    }

    /** Output and errors together in {@code output()}, the standard output alone in {@code out()}. */
    private record Run(int exitCode, String out, String output) {
    }

    /**
     * The verbs run in this JVM (a JVM per verb took most of this test's time); the database is the server's embedded
     * one, reached through the data dir, so no database variable of the environment may redirect them.
     */
    private static Run cli(String... args) {
        Assumptions.assumeTrue(java.util.stream.Stream.of("DATABASE_URL", "DATABASE_SECRET", "DATABASE_SECRET_FILE", "DB_HOST")
                .allMatch(v -> System.getenv(v) == null), "a database variable is set in the environment");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = SemiontCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), out + err.toString());
    }

    private static Connection connect(int port, String application) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", "postgres");
        p.setProperty("ApplicationName", application);
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/semiont", p);
    }

    private static int pid(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static CompletableFuture<SQLException> sleep(Connection c) {
        return CompletableFuture.supplyAsync(() -> {
            try (Statement s = c.createStatement()) {
                s.execute("SELECT pg_sleep(120)");
                return null;
            } catch (SQLException e) {
                return e;
            }
        });
    }

    /** Waits until the sleeper has run over a second; returns the pids of Semiont's sessions then. */
    private static Set<Integer> awaitBusy(String dir, int pid) throws Exception {
        for (int i = 0; i < 40; i++) {
            for (JsonNode s : activity(dir)) {
                if (s.get("pid").asInt() == pid && s.get("queryAgeSeconds").asDouble() > 1.5) {
                    return semiontSessions(dir);
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("session " + pid + " never showed up busy in db activity");
    }

    private static JsonNode activity(String dir) throws Exception {
        Run run = cli("db", "activity", "--all", "--json", "--data-dir", dir);
        assertThat(run.exitCode()).as(run.output()).isZero();
        return JSON.readTree(run.out());
    }

    private static Set<Integer> semiontSessions(String dir) throws Exception {
        Set<Integer> pids = new HashSet<>();
        activity(dir).forEach(s -> {
            if (s.get("semiont").asBoolean()) {
                pids.add(s.get("pid").asInt());
            }
        });
        return pids;
    }

    private static java.util.List<String> applications(String dir) throws Exception {
        java.util.List<String> names = new java.util.ArrayList<>();
        activity(dir).forEach(s -> names.add(s.get("application").asText()));
        return names;
    }

    private static int pidOf(String dir, String application) throws Exception {
        for (JsonNode s : activity(dir)) {
            if (s.get("application").asText().equals(application)) {
                return s.get("pid").asInt();
            }
        }
        throw new AssertionError(application + " is not in db activity");
    }

    private static int health(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "/api/health")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}

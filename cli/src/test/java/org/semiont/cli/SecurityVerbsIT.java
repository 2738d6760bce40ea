package org.semiont.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.semiont.events.EventLog;
import org.semiont.events.ExpectedVersion;
import org.semiont.events.NewEvent;
import org.semiont.server.testing.Eventually;
import org.semiont.server.testing.ExternalPostgres;

/** Passwords from the command line, the projections' way out of an event they cannot apply, and stopping a start. */
class SecurityVerbsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;

    private static int signIn(String url, String email, String password) throws Exception {
        String body = JSON.writeValueAsString(Map.of("email", email, "password", password));
        return HTTP.send(HttpRequest.newBuilder(URI.create(url + "/api/tokens/password")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Test
    void passwords_are_set_from_standard_input_with_the_server_stopped_and_running() throws Exception {
        String dir = dataDir.toString();
        SemiontProcess.Result weak = SemiontProcess.runWithInput("short\n", "useradd", "--email", "ada@example.org",
                "--password-stdin", "--data-dir", dir);
        assertThat(weak.exitCode()).as(weak.output()).isEqualTo(2);
        assertThat(weak.output()).contains("at least 12");
        SemiontProcess.Result added = SemiontProcess.runWithInput("first long passphrase\n", "useradd", "--email",
                "ada@example.org", "--admin", "--password-stdin", "--data-dir", dir);
        assertThat(added.exitCode()).as(added.output()).isZero();
        assertThat(added.output()).contains("with a password").doesNotContain("first long passphrase");
        try (SemiontProcess server = SemiontProcess.start(dataDir)) {
            String url = server.awaitUrl(Duration.ofSeconds(90));
            assertThat(signIn(url, "ada@example.org", "first long passphrase")).isEqualTo(200);
            SemiontProcess.Result changed = SemiontProcess.runWithInput("second long passphrase\n", "passwd", "--email",
                    "ada@example.org", "--password-stdin", "--data-dir", dir);
            assertThat(changed.exitCode()).as(changed.output()).isZero();
            assertThat(signIn(url, "ada@example.org", "first long passphrase")).isEqualTo(401);
            assertThat(signIn(url, "ada@example.org", "second long passphrase")).isEqualTo(200);
            assertThat(SemiontProcess.runWithInput("x long passphrase\n", "passwd", "--email", "nobody@example.org",
                    "--password-stdin", "--data-dir", dir).exitCode()).isEqualTo(1);
            assertThat(server.output()).doesNotContain("second long passphrase").doesNotContain("$argon2id");
        }
        SemiontProcess.Result tail = SemiontProcess.run("events", "tail", "--stream", "__users__", "--data-dir", dir);
        assertThat(tail.output()).contains("\"passwordHash\":\"[redacted]\"").doesNotContain("$argon2id");
    }

    @Test
    void an_event_the_projection_cannot_apply_is_named_and_skipped_from_the_command_line() throws Exception {
        String dir = dataDir.toString();
        String doc;
        try (SemiontProcess server = SemiontProcess.start(dataDir)) {
            server.awaitUrl(Duration.ofSeconds(90));
        }
        try (EventLog log = EventLog.open(dataDir)) {
            doc = "doc-sha256:" + "ab".repeat(32);
            log.append(doc, ExpectedVersion.any(), NewEvent.of("document.created", doc, "someone", JsonNodeFactory.instance
                    .objectNode().put("name", "Imported").put("format", "text/plain").put("contentChecksum", "ab".repeat(32))
                    .put("creationMethod", "api")));
            log.append(doc, ExpectedVersion.any(), NewEvent.of("entitytag.added", doc, "someone", JsonNodeFactory.instance
                    .objectNode().put("entityType", randomText(9000))));
        }
        long poison;
        try (EventLog log = EventLog.open(dataDir)) {
            poison = log.lastPosition();
        }
        SemiontProcess.Result status = SemiontProcess.run("projections", "status", "--json", "--data-dir", dir);
        assertThat(status.exitCode()).as(status.output()).isEqualTo(5);
        JsonNode s = JSON.readTree(status.output().substring(status.output().indexOf('{')));
        assertThat(s.get("blocked").get("position").asLong()).isEqualTo(poison);
        assertThat(s.get("blocked").get("type").asText()).isEqualTo("entitytag.added");
        try (SemiontProcess refused = SemiontProcess.start(dataDir)) {
            assertThat(refused.process().waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(refused.process().exitValue()).isEqualTo(1);
            assertThat(refused.output()).contains("semiont projections skip --position " + poison);
        }
        assertThat(SemiontProcess.run("projections", "skip", "--position", String.valueOf(poison), "--reason", " ",
                "--data-dir", dir).exitCode()).isEqualTo(2);
        SemiontProcess.Result skip = SemiontProcess.run("projections", "skip", "--position", String.valueOf(poison),
                "--reason", "a tag no index can hold", "--data-dir", dir);
        assertThat(skip.exitCode()).as(skip.output()).isZero();
        try (SemiontProcess server = SemiontProcess.start(dataDir)) {
            server.awaitUrl(Duration.ofSeconds(90));
            SemiontProcess.Result online = SemiontProcess.run("projections", "status", "--data-dir", dir);
            assertThat(online.exitCode()).as(online.output()).isZero();
            assertThat(online.output()).contains("Skipped: position " + poison).contains("a tag no index can hold");
        }
    }

    @Test
    void sigterm_stops_a_start_that_is_catching_up() throws Exception {
        try (ExternalPostgres pg = ExternalPostgres.start(dataDir.resolve("ext"))) {
            Map<String, String> env = Map.of("DATABASE_URL", pg.url());
            Path data = dataDir.resolve("data");
            java.nio.file.Files.createDirectories(data);
            String doc = "doc-sha256:" + "cd".repeat(32);
            try (SemiontProcess server = SemiontProcess.startWith(data, env)) {
                server.awaitUrl(Duration.ofSeconds(90));
            }
            try (EventLog log = EventLog.open(data)) {
                log.append(doc, ExpectedVersion.any(), NewEvent.of("document.created", doc, "someone", JsonNodeFactory.instance
                        .objectNode().put("name", "Held").put("format", "text/plain").put("contentChecksum", "cd".repeat(32))
                        .put("creationMethod", "api")));
            }
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pg.port() + "/"
                    + ExternalPostgres.DATABASE + "?user=postgres"); Statement st = c.createStatement()) {
                c.setAutoCommit(false);
                st.execute("LOCK TABLE documents IN EXCLUSIVE MODE");
                try (SemiontProcess held = SemiontProcess.startWith(data, env)) {
                    Eventually.within(Duration.ofSeconds(90), () -> assertThat(held.output()).contains("Projector starts after"));
                    Thread.sleep(500);
                    long t0 = System.nanoTime();
                    // SIGTERM through the handle: Process.destroy() would also close our end of its output pipe
                    held.process().toHandle().destroy();
                    assertThat(held.process().waitFor(60, TimeUnit.SECONDS)).as(held.output()).isTrue();
                    assertThat(held.process().exitValue()).as(held.output()).isZero();
                    Eventually.within(Duration.ofSeconds(10), () -> assertThat(held.output())
                            .contains("Stopped before the server was ready"));
                    assertThat(held.output()).doesNotContain("listening on");
                    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(60));
                }
                c.rollback();
            }
        }
    }

    private static String randomText(int n) {
        java.util.Random r = new java.util.Random(11);
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append((char) ('a' + r.nextInt(26)));
        }
        return b.toString();
    }
}

package org.semiont.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.semiont.events.jsonl.StreamLayout;
import org.semiont.server.web.EventLogErrors;
import org.slf4j.LoggerFactory;

/**
 * A storage failure stops the event log (fail-stop): the server says so in health and readiness instead of reporting
 * itself operational while every write fails, and a restart recovers the write that met the failure.
 */
class EventLogStopIT {
    @TempDir
    Path dataDir;

    @Test
    void a_stopped_log_makes_the_server_degraded_and_not_ready_and_a_restart_restores_the_write() throws Exception {
        String content = "A stream that cannot be written.";
        String doc = "doc-sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(content.getBytes(StandardCharsets.UTF_8)));
        // a plain file where the document's stream directory goes: even root cannot create the stream file there
        Path streamDir = new StreamLayout(dataDir.resolve("events")).streamDir(doc);
        try (ApiServer server = ApiServer.start(dataDir)) {
            ApiClient alice = server.user("alice@example.org", false, false);
            Files.createDirectories(streamDir.getParent());
            Files.writeString(streamDir, "in the way");

            ApiClient.Response failed = alice.post("/api/documents", Map.of("name", "Blocked", "content", content));
            assertThat(failed.status()).as(failed.body()).isEqualTo(503);
            assertThat(failed.json().get("error").asText()).contains("restart").doesNotContain(dataDir.toString());
            JsonNode health = server.anonymous().get("/api/health").json();
            assertThat(health.get("status").asText()).isEqualTo("degraded");
            assertThat(health.get("writes").asText()).isEqualTo("blocked");
            assertThat(health.get("writesBlockedBy").asText()).contains("event log stopped").doesNotContain(dataDir.toString());
            ApiClient.Response ready = server.anonymous().get("/api/health/ready");
            assertThat(ready.status()).isEqualTo(503);
            assertThat(ready.json().get("reason").asText()).contains("restart");
            assertThat(alice.get("/api/users/me").status()).as("reads go on").isEqualTo(200);

            ListAppender<ILoggingEvent> lines = new ListAppender<>();
            lines.start();
            Logger apiErrors = (Logger) LoggerFactory.getLogger(EventLogErrors.class);
            apiErrors.addAppender(lines);
            try {
                for (int i = 0; i < 50; i++) {
                    assertThat(alice.post("/api/documents", Map.of("name", "Retry " + i, "content", "x" + i)).status()).isEqualTo(503);
                }
            } finally {
                apiErrors.detachAppender(lines);
            }
            assertThat(lines.list).as("a client retrying in a loop must not rotate the failure's cause out of the log files")
                    .hasSizeLessThanOrEqualTo(1).allSatisfy(e -> assertThat(e.getThrowableProxy()).isNull());
        }
        Files.delete(streamDir);
        try (ApiServer server = ApiServer.start(dataDir)) {
            ApiClient alice = server.signIn("alice@example.org");
            assertThat(server.anonymous().get("/api/health").json().get("writes").asText()).isEqualTo("ok");
            assertThat(alice.get("/api/documents/" + doc).status()).as("durable in the global log before the failure")
                    .isEqualTo(200);
            assertThat(server.app().api().events().verify(doc).defects()).isEmpty();
        }
    }
}

package org.semiont.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many clients holding connections and event streams cannot use up the descriptors the event log needs. Before
 * connections were bounded, 650 open streams on a 600-descriptor process made the log fail to open a stream file and
 * stop: every later write was 503 until a restart, and streams that failed to start stayed open for good.
 */
class DescriptorExhaustionIT {
    private static final Pattern ID = Pattern.compile("\"id\":\"(doc-sha256:[0-9a-f]{64})\"");
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void writes_go_on_after_more_clients_than_the_process_has_descriptors_came_and_went(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        try (SemiontProcess server = SemiontProcess.startWithOpenFileLimit(data, 400, Map.of("SEMIONT_SSE_KEEPALIVE", "1s"))) {
            URI base = URI.create(server.awaitUrl(Duration.ofSeconds(120)));
            assertThat(SemiontProcess.run("useradd", "--email", "crowd@example.org", "--data-dir", data.toString()).exitCode()).isZero();
            String output = SemiontProcess.run("token", "--email", "crowd@example.org", "--data-dir", data.toString()).output().strip();
            String jwt = output.substring(output.lastIndexOf('\n') + 1);
            String doc = createDocument(base, jwt, "before the crowd");

            List<Socket> crowd = new ArrayList<>();
            try {
                // before the bound the server took all 600 at once; now it stops accepting and, once the kernel's
                // queue is full too, connecting times out: the crowd stops there
                int timeouts = 0;
                for (int i = 0; i < 600 && timeouts < 3; i++) {
                    Socket s = new Socket();
                    try {
                        s.connect(new InetSocketAddress(base.getHost(), base.getPort()), 250);
                    } catch (SocketTimeoutException e) {
                        s.close();
                        timeouts++;
                        continue;
                    }
                    OutputStream out = s.getOutputStream();
                    out.write(("GET /api/documents/" + doc + "/events/stream HTTP/1.1\r\nHost: " + base.getAuthority()
                            + "\r\nAuthorization: Bearer " + jwt + "\r\nAccept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    crowd.add(s);
                }
            } finally {
                for (Socket s : crowd) {
                    s.close();
                }
            }
            assertThat(createDocument(base, jwt, "after the crowd")).startsWith("doc-sha256:");
            assertThat(server.output()).doesNotContain("stopping the log").doesNotContain("Too many open files");
        }
    }

    /** Creates a document, retrying while the server works through the crowd's connections. */
    private String createDocument(URI base, String jwt, String content) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/documents")).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + jwt).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"n\",\"content\":\"" + content + "\"}")).build();
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        Matcher m = ID.matcher(r.body());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}

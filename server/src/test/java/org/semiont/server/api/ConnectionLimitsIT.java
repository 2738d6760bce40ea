package org.semiont.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Connections and event streams are bounded (SEMIONT_MAX_CONNECTIONS): streams held open by clients once used up the
 * process's file descriptors, until the event log could not open a stream file and stopped taking writes.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES) // a stream let through where a refusal was due reads forever
class ConnectionLimitsIT {
    @TempDir
    Path dataDir;

    @Test
    void event_streams_are_limited_per_user_and_in_all_and_writes_go_on() throws Exception {
        // 66 connections: at most 33 streams, at most 32 of them one user's; a stream whose client left is noticed at
        // the next keep-alive
        try (ApiServer server = ApiServer.start(dataDir, Map.of("SEMIONT_MAX_CONNECTIONS", "66", "SEMIONT_SSE_KEEPALIVE", "300ms"))) {
            ApiClient alice = server.user("alice@example.org", false, false);
            ApiClient bob = server.user("bob@example.org", false, false);
            String doc = ApiServer.createDocument(alice, "Watched", "Many eyes.").get("id").asText();
            String path = "/api/documents/" + doc + "/events/stream";
            String aliceJwt = token(server, "alice@example.org");
            List<RawStream> open = new ArrayList<>();
            try {
                for (int i = 0; i < 32; i++) {
                    open.add(RawStream.open(server.url(), path, aliceJwt));
                }
                ApiClient.Response tooMany = alice.get(path, "Accept", "text/event-stream");
                assertThat(tooMany.status()).as(tooMany.body()).isEqualTo(429);
                assertThat(tooMany.json().get("code").asText()).isEqualTo("TOO_MANY_REQUESTS");
                open.add(RawStream.open(server.url(), path, token(server, "bob@example.org")));
                ApiClient.Response full = bob.get(path, "Accept", "text/event-stream");
                assertThat(full.status()).as(full.body()).isEqualTo(503);
                assertThat(full.header("Retry-After")).contains("5");
                ApiClient.Response written = alice.post("/api/annotations", DocumentsAndAnnotationsIT.highlight(doc, 0, 4));
                assertThat(written.status()).as("streams never take the API's connections").isEqualTo(201);
                open.remove(0).close();
                open.add(awaitStream(server.url(), path, aliceJwt));
            } finally {
                for (RawStream r : open) {
                    r.close();
                }
            }
        }
    }

    /** An event stream on a plain socket: opened and closed at once, with no client library in between. */
    private record RawStream(Socket socket, BufferedReader reader) implements AutoCloseable {
        static RawStream open(String base, String path, String jwt) throws Exception {
            URI uri = URI.create(base);
            Socket s = new Socket(uri.getHost(), uri.getPort());
            s.setSoTimeout(10_000);
            s.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + uri.getAuthority() + "\r\nAuthorization: Bearer "
                    + jwt + "\r\nAccept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            BufferedReader r = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            String status = r.readLine();
            if (status == null || !status.contains(" 200 ")) {
                s.close();
                throw new IllegalStateException("stream refused: " + status);
            }
            RawStream stream = new RawStream(s, r);
            // the headers may go out before the stream is counted; its first event only after
            if (!stream.readUntil("event: stream-connected")) {
                s.close();
                throw new IllegalStateException("stream ended before its first event");
            }
            return stream;
        }

        boolean readUntil(String line) throws Exception {
            for (String l = reader.readLine(); l != null; l = reader.readLine()) {
                if (l.equals(line)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public void close() throws Exception {
            socket.close();
        }
    }

    @Test
    void beyond_the_connection_limit_a_new_connection_waits_until_one_closes() throws Exception {
        try (ApiServer server = ApiServer.start(dataDir, Map.of("SEMIONT_MAX_CONNECTIONS", "4"))) {
            URI uri = URI.create(server.url());
            List<Socket> idle = new ArrayList<>();
            try {
                for (int i = 0; i < 4; i++) {
                    idle.add(new Socket(uri.getHost(), uri.getPort()));
                }
                try (Socket fifth = new Socket(uri.getHost(), uri.getPort())) {
                    fifth.setSoTimeout(1500);
                    OutputStream out = fifth.getOutputStream();
                    out.write(("GET /api/health/live HTTP/1.1\r\nHost: " + uri.getAuthority() + "\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    InputStream in = fifth.getInputStream();
                    boolean answered;
                    try {
                        answered = in.read() >= 0;
                    } catch (SocketTimeoutException e) {
                        answered = false;
                    }
                    assertThat(answered).as("the fifth connection is not served while four are open").isFalse();
                    idle.remove(0).close();
                    fifth.setSoTimeout(10_000);
                    String reply = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
                    assertThat(reply).contains("200").contains("\"live\"");
                }
            } finally {
                for (Socket s : idle) {
                    s.close();
                }
            }
        }
    }

    private static String token(ApiServer server, String email) {
        return server.signIn(email).token();
    }

    /** A stream just closed is noticed at the next keep-alive: retried for a few of them. */
    private static RawStream awaitStream(String base, String path, String jwt) throws Exception {
        IllegalStateException last = null;
        for (int i = 0; i < 50; i++) {
            try {
                return RawStream.open(base, path, jwt);
            } catch (IllegalStateException e) {
                last = e;
                Thread.sleep(100);
            }
        }
        throw last;
    }
}

package org.semiont.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What one request or one client can make the server do: the hosts it answers to, body and head limits, headers. */
class HttpGuardsIT {
    static final int PER_ADDRESS = 12;

    @RegisterExtension
    static final ServerExtension SERVER = new ServerExtension(Map.of("SEMIONT_REQUEST_HEAD_TIMEOUT", "1s",
            "SEMIONT_MAX_CONNECTIONS_PER_ADDRESS", String.valueOf(PER_ADDRESS)));

    private static String get(String path, String host) {
        return "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n";
    }

    @Test
    void a_host_name_the_server_does_not_serve_gets_421() throws Exception {
        int port = URI.create(SERVER.server().url()).getPort();
        RawHttp.Response r = RawHttp.exchange(SERVER.server().url(), ascii(get("/api/health", "rebound.attacker.example:" + port)));
        assertThat(r.status()).isEqualTo(421);
        assertThat(ApiClient.JSON.readTree(r.body()).get("code").asText()).isEqualTo("MISDIRECTED_REQUEST");
        for (String served : List.of("localhost:" + port, "127.0.0.1:" + port, "[::1]:" + port, "LOCALHOST")) {
            assertThat(RawHttp.exchange(SERVER.server().url(), ascii(get("/api/health", served))).status()).as(served).isEqualTo(200);
        }
    }

    @Test
    void a_json_route_refuses_a_body_a_browser_page_could_send_without_asking() {
        String login = "{\"email\":\"alice@example.org\",\"password\":\"" + ApiServer.PASSWORD + "\"}";
        byte[] body = login.getBytes(StandardCharsets.UTF_8);
        for (String type : List.of("text/plain", "text/plain;charset=UTF-8", "application/x-www-form-urlencoded", "multipart/form-data")) {
            ApiClient.Response r = SERVER.server().anonymous().sendBytes("POST", "/api/tokens/password", body, type);
            assertThat(r.status()).as(type).isEqualTo(415);
            assertThat(r.json().get("code").asText()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        }
        assertThat(SERVER.server().anonymous().sendBytes("POST", "/api/tokens/password", body, "application/json").status()).isEqualTo(200);
    }

    @Test
    void a_json_body_announced_above_what_the_server_reads_is_refused_without_being_read() throws Exception {
        String head = "POST /api/documents HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + SERVER.alice().token()
                + "\r\nContent-Type: application/json\r\nContent-Length: 52428800\r\n\r\n{\"name\":\"";
        RawHttp.Response r = RawHttp.exchange(SERVER.server().url(), ascii(head));
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.body()).contains("PAYLOAD_TOO_LARGE");
    }

    @Test
    void a_chunked_json_body_is_refused_at_the_limit_without_reading_the_rest() throws Exception {
        String head = "POST /api/documents HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + SERVER.alice().token()
                + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
        byte[] chunk = ("10000\r\n" + "x".repeat(0x10000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        // 12 MiB and no last chunk: a server reading the whole body would wait for ever
        assertThat(sendThenRead(ascii(head), chunk, 12 * 16)).startsWith("HTTP/1.1 413");
    }

    @Test
    void a_json_body_somewhat_over_the_limit_gets_its_413_on_a_connection_that_stays_usable() {
        String big = "{\"name\":\"" + "x".repeat(3 << 20) + "\"}";
        ApiClient.Response r = SERVER.alice().send("POST", "/api/documents", big);
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.header("Connection")).isEmpty();
    }

    private static String sendThenRead(byte[] head, byte[] block, int blocks) throws IOException {
        URI base = URI.create(SERVER.server().url());
        try (Socket s = new Socket(base.getHost(), base.getPort())) {
            s.setSoTimeout(20_000);
            OutputStream out = s.getOutputStream();
            out.write(head);
            try {
                for (int i = 0; i < blocks; i++) {
                    out.write(block);
                }
                out.flush();
            } catch (SocketException closed) {
                // the server answered and closed while we were still sending: what we want
            }
            return readAll(s.getInputStream());
        }
    }

    @Test
    void a_multipart_upload_is_refused_at_ten_mebibytes_without_reading_the_rest() throws Exception {
        String boundary = "b0undary";
        String head = "POST /api/documents HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + SERVER.alice().token()
                + "\r\nContent-Type: multipart/form-data; boundary=" + boundary + "\r\nContent-Length: 52428800\r\n\r\n--"
                + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\n";
        URI base = URI.create(SERVER.server().url());
        try (Socket s = new Socket(base.getHost(), base.getPort())) {
            s.setSoTimeout(20_000);
            OutputStream out = s.getOutputStream();
            out.write(ascii(head));
            byte[] block = "y".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
            try {
                for (int i = 0; i < 12; i++) {
                    out.write(block);
                }
                out.flush();
            } catch (SocketException closed) {
                // the server answered and closed while we were still sending: what we want
            }
            String answer = readAll(s.getInputStream());
            assertThat(answer).startsWith("HTTP/1.1 413");
            assertThat(answer).contains("PAYLOAD_TOO_LARGE");
        }
    }

    @Test
    void a_request_head_trickling_in_is_cut_off_at_its_deadline() throws Exception {
        URI base = URI.create(SERVER.server().url());
        try (Socket s = new Socket(base.getHost(), base.getPort())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(ascii("GET /api/health HTTP/1.1\r\nHost: localhost\r\n"));
            long start = System.nanoTime();
            boolean closed = false;
            for (int i = 0; i < 40 && !closed; i++) {
                Thread.sleep(200);
                try {
                    out.write(ascii("X-Slow-" + i + ": still coming\r\n"));
                    out.flush();
                } catch (IOException e) {
                    closed = true;
                }
                if (!closed && s.getInputStream().available() == 0) {
                    s.setSoTimeout(1);
                    try {
                        closed = s.getInputStream().read() == -1;
                    } catch (java.net.SocketTimeoutException stillOpen) {
                        // nothing yet
                    } catch (IOException e) {
                        closed = true;
                    }
                    s.setSoTimeout(10_000);
                }
            }
            assertThat(closed).as("closed within 8 s of a 1 s deadline").isTrue();
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(8_000);
        }
        assertThat(SERVER.server().anonymous().get("/api/health").status()).isEqualTo(200);
    }

    @Test
    void one_address_holds_at_most_its_share_of_connections() throws Exception {
        URI base = URI.create(SERVER.server().url());
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < PER_ADDRESS + 8; i++) {
                Socket s = new Socket(base.getHost(), base.getPort());
                s.setSoTimeout(10_000);
                sockets.add(s);
            }
            int answered = 0;
            for (Socket s : sockets) {
                try {
                    s.getOutputStream().write(ascii(get("/api/health", "localhost")));
                    if (readAll(s.getInputStream()).startsWith("HTTP/1.1 200")) {
                        answered++;
                    }
                } catch (IOException closedByServer) {
                    // refused
                }
            }
            assertThat(answered).isBetween(1, PER_ADDRESS);
        } finally {
            for (Socket s : sockets) {
                s.close();
            }
        }
        Thread.sleep(200);
        assertThat(SERVER.server().anonymous().get("/api/health").status()).isEqualTo(200);
    }

    @Test
    void content_and_errors_tell_browsers_not_to_sniff_or_run_them() throws Exception {
        String id = ApiServer.createDocument(SERVER.alice(), "Sniffed", "<script>alert(1)</script>").get("id").asText();
        List<ApiClient.Response> answers = List.of(SERVER.alice().get("/api/documents/" + id + "/content"),
                SERVER.alice().get("/api/documents/no-such-document"), SERVER.server().anonymous().get("/api/documents"));
        for (ApiClient.Response r : answers) {
            assertThat(r.header("X-Content-Type-Options")).as(r.status() + " " + r.body()).contains("nosniff");
            assertThat(r.header("Content-Security-Policy")).as(r.status() + " " + r.body()).hasValueSatisfying(v ->
                    assertThat(v).contains("default-src 'none'"));
        }
        RawHttp.Response jetty = RawHttp.exchange(SERVER.server().url(), ascii(get("/api/%ZZ", "localhost")));
        assertThat(jetty.head().toLowerCase()).contains("x-content-type-options: nosniff").contains("content-security-policy:");
    }

    @Test
    void an_error_echoes_a_bounded_amount_of_what_was_sent() {
        String id = ApiServer.createDocument(SERVER.alice(), "Patched", "patched text").get("id").asText();
        StringBuilder body = new StringBuilder("{");
        for (int i = 0; i < 60_000; i++) {
            body.append(i == 0 ? "" : ",").append("\"unknown").append(i).append("\":1");
        }
        ApiClient.Response r = SERVER.alice().send("PATCH", "/api/documents/" + id, body.append("}").toString());
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().length()).isLessThan(8_000);
        assertThat(r.json().get("error").asText()).contains("unknown1").contains("more");
    }

    @Test
    void head_needs_the_same_token_as_get() {
        for (String path : List.of("/api/documents", "/annotations/", "/api/users/me", "/api/entity-types")) {
            ApiClient.Response anonymous = SERVER.server().anonymous().send("HEAD", path, null);
            assertThat(anonymous.status()).as("HEAD " + path).isEqualTo(401);
            assertThat(SERVER.alice().send("HEAD", path, null).status()).as("HEAD " + path + " signed in").isEqualTo(200);
        }
    }

    @Test
    void a_page_far_past_the_end_is_404_not_an_overflow() {
        ApiServer.createDocument(SERVER.alice(), "Paged", "paged text");
        for (String page : List.of("1", "107374183", "214748365", "2147483647", "9223372036854775807")) {
            ApiClient.Response r = SERVER.alice().get("/annotations/?page=" + page);
            assertThat(r.status()).as(page + ": " + r.body()).isEqualTo(404);
        }
        assertThat(SERVER.alice().get("/annotations/?page=0").json().get("startIndex").asLong()).isZero();
    }

    @Test
    void a_google_token_with_a_line_break_is_refused_and_not_echoed() {
        for (String token : List.of("ya29.abc\r\nX-Injected: 1", "abc\ndef", "tok en", "ä")) {
            ApiClient.Response r = SERVER.server().anonymous().post("/api/tokens/google", Map.of("access_token", token));
            assertThat(r.status()).as(token).isEqualTo(400);
            assertThat(r.body()).doesNotContain(token);
        }
    }

    @Test
    void overlong_utf8_in_a_body_is_invalid_not_a_slash_or_nul() {
        for (byte[] overlong : List.of(new byte[] {(byte) 0xC0, (byte) 0xAF}, new byte[] {(byte) 0xC0, (byte) 0x80},
                new byte[] {(byte) 0xE0, (byte) 0x80, (byte) 0xAF})) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes(ascii("{\"name\":\"a"));
            body.writeBytes(overlong);
            body.writeBytes(ascii("b\",\"content\":\"x\",\"format\":\"text/plain\"}"));
            ApiClient.Response r = SERVER.alice().sendBytes("POST", "/api/documents", body.toByteArray(), "application/json");
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.json().get("code").asText()).isEqualTo("INVALID_JSON");
        }
    }

    @Test
    void overlong_utf8_in_a_path_is_a_json_400() throws Exception {
        for (String path : List.of("/api/documents/%C0%AF", "/api/documents/a%C0%80b", "/api/documents/%E0%80%AF")) {
            RawHttp.Response r = RawHttp.exchange(SERVER.server().url(), ascii("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + SERVER.alice().token() + "\r\nConnection: close\r\n\r\n"));
            assertThat(r.status()).as(path + " " + r.body()).isEqualTo(400);
            JsonNode body = ApiClient.JSON.readTree(r.body());
            assertThat(body.get("code").asText()).isEqualTo("BAD_REQUEST");
        }
    }

    @Test
    void jettys_own_refusal_of_a_bad_escape_has_the_json_shape_for_every_method() throws Exception {
        for (String method : List.of("GET", "PATCH", "PUT", "POST", "DELETE", "HEAD")) {
            String body = method.equals("GET") || method.equals("HEAD") ? "" : "{\"archived\":true}";
            RawHttp.Response r = RawHttp.exchange(SERVER.server().url(), ascii(method + " /api/documents/%ZZ HTTP/1.1\r\n"
                    + "Host: localhost\r\nAuthorization: Bearer " + SERVER.alice().token() + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body));
            assertThat(r.status()).as(method).isEqualTo(400);
            assertThat(r.head().toLowerCase()).as(method).contains("content-type: application/json");
            if (!method.equals("HEAD")) {
                assertThat(ApiClient.JSON.readTree(r.body()).get("code").asText()).as(method).isEqualTo("BAD_REQUEST");
            }
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        try {
            in.transferTo(all);
        } catch (SocketException reset) {
            // what arrived before the reset is the answer
        }
        return all.toString(StandardCharsets.UTF_8);
    }
}

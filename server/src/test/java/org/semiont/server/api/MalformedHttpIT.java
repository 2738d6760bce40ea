package org.semiont.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Requests that Jetty rejects before they reach a route get the same JSON error shape as every other error.
 * Sent as raw bytes over a socket: an HTTP client library would refuse to send most of them.
 */
class MalformedHttpIT {
    @TempDir
    static Path dataDir;
    static ApiServer server;

    @BeforeAll
    static void start() {
        server = ApiServer.start(dataDir);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "a NUL byte in the path          | GET /api/%00 HTTP/1.1           |            | 400 | BAD_REQUEST",
        "an invalid percent escape       | GET /api/%ZZ HTTP/1.1           |            | 400 | BAD_REQUEST",
        "an ambiguous path parameter     | GET /api/..;/health HTTP/1.1    |            | 400 | BAD_REQUEST",
        "a request line that is not HTTP | GARBAGE                         |            | 400 | BAD_REQUEST",
        "a URI of 20,000 characters      | GET /api/health?q=LONG HTTP/1.1 |            | 414 | URI_TOO_LONG",
        "a header of 20,000 characters   | GET /api/health HTTP/1.1        | BIG_HEADER | 431 | HEADERS_TOO_LARGE"})
    void is_answered_with_the_json_error_shape(String what, String requestLine, String header, int status, String code)
            throws Exception {
        String line = requestLine.replace("LONG", "q".repeat(20_000));
        String extra = "BIG_HEADER".equals(header) ? "X-Big: " + "b".repeat(20_000) + "\r\n" : "";
        RawHttp.Response r = RawHttp.exchange(server.url(),
                (line + "\r\nHost: localhost\r\n" + extra + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        assertThat(r.status()).as(r.head()).isEqualTo(status);
        assertThat(r.head().toLowerCase()).contains("content-type: application/json");
        JsonNode body = ApiClient.JSON.readTree(r.body());
        assertThat(body.get("code").asText()).isEqualTo(code);
        assertThat(body.get("error").asText()).isNotBlank();
        assertThat(server.anonymous().get("/api/health").status()).isEqualTo(200);
    }
}

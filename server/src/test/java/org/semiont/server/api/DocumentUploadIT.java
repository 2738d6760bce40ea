package org.semiont.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Multipart uploads that must not become documents: each is refused with its own status and code, and stores nothing. */
class DocumentUploadIT {
    private static final String BOUNDARY = "----semiont-upload-test";
    @RegisterExtension
    static final ServerExtension SERVER = new ServerExtension(Map.of());

    /** One multipart body: parts of {name, filename or null, content type or null, bytes}. */
    private static byte[] multipart(Object[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object[] p : parts) {
            String head = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + p[0] + "\""
                    + (p[1] == null ? "" : "; filename=\"" + p[1] + "\"") + "\r\n"
                    + (p[2] == null ? "" : "Content-Type: " + p[2] + "\r\n") + "\r\n";
            out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
            out.writeBytes((byte[]) p[3]);
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static Object[] file(String filename, String type, byte[] bytes) {
        return new Object[] {"file", filename, type, bytes};
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static ApiClient.Response upload(byte[] body) {
        return SERVER.alice().sendBytes("POST", "/api/documents", body, "multipart/form-data; boundary=" + BOUNDARY);
    }

    private static int documentCount() {
        return SERVER.alice().get("/api/documents").json().get("total").asInt();
    }

    @Test
    void a_markdown_file_sent_as_octet_stream_is_markdown_by_its_name() {
        ApiClient.Response r = upload(multipart(file("octet.md", "application/octet-stream", utf8("# Octet\n"))));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("document").get("format").asText()).isEqualTo("text/markdown");
    }

    @Test
    void uploads_that_are_not_utf8_text_documents_are_refused_and_store_nothing() {
        int before = documentCount();
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};
        assertRefused(upload(multipart(file("cat.png", "image/png", png))), 415, "UNSUPPORTED_MEDIA_TYPE", "image/png");
        assertRefused(upload(multipart(file("paper.pdf", "application/octet-stream", utf8("%PDF-1.7")))), 415,
                "UNSUPPORTED_MEDIA_TYPE", "paper.pdf");
        assertRefused(upload(multipart(file("old.txt", "text/plain; charset=windows-1252", utf8("old")))), 415,
                "UNSUPPORTED_MEDIA_TYPE", "windows-1252");
        assertRefused(upload(multipart(file("latin1.txt", "text/plain", "Grüße".getBytes(StandardCharsets.ISO_8859_1)))), 400,
                "VALIDATION_FAILED", "not UTF-8");
        assertRefused(upload(multipart(file("nul.txt", "text/plain", new byte[] {'a', 0, 'b'}))), 400, "VALIDATION_FAILED", "U+0000");
        assertRefused(upload(multipart(file("one.md", "text/markdown", utf8("one")), file("two.md", "text/markdown", utf8("two")))),
                400, "VALIDATION_FAILED", "one 'file' part");
        assertThat(documentCount()).isEqualTo(before);
    }

    @Test
    void a_multipart_body_that_cannot_be_parsed_is_a_bad_request_not_a_server_error() {
        int before = documentCount();
        byte[] cut = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nabc")
                .getBytes(StandardCharsets.UTF_8);
        assertRefused(upload(cut), 400, "BAD_REQUEST", "multipart");
        assertRefused(SERVER.alice().sendBytes("POST", "/api/documents", utf8("abc"), "multipart/form-data"), 400, "BAD_REQUEST",
                "boundary");
        assertThat(documentCount()).isEqualTo(before);
    }

    /**
     * Jetty closes the connection after a body it could not parse. The response must say so: a client that pools
     * connections would otherwise send its next request into the closed socket (a CI run failed that way).
     */
    @Test
    void a_refused_body_that_ends_the_connection_says_connection_close() throws Exception {
        byte[] cut = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nabc")
                .getBytes(StandardCharsets.UTF_8);
        String head = "POST /api/documents HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + SERVER.alice().token()
                + "\r\nContent-Type: multipart/form-data; boundary=" + BOUNDARY + "\r\nContent-Length: " + cut.length + "\r\n\r\n";
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(head.getBytes(StandardCharsets.ISO_8859_1));
        request.writeBytes(cut);
        RawHttp.Response r = RawHttp.exchange(SERVER.server().url(), request.toByteArray());
        assertThat(r.status()).as(r.head()).isEqualTo(400);
        assertThat(r.saysClose()).as(r.head()).isTrue();
    }

    private static void assertRefused(ApiClient.Response r, int status, String code, String mentioned) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.json().get("code").asText()).isEqualTo(code);
        assertThat(r.json().get("error").asText()).contains(mentioned);
    }
}

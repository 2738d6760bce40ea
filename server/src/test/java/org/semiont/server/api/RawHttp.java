package org.semiont.server.api;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP exchange as raw bytes over a socket, read until the server closes it: for requests an HTTP client library
 * would refuse to send, and for checking what the server does with the connection afterwards.
 */
final class RawHttp {
    record Response(int status, String head, String body) {
        boolean saysClose() {
            return head.toLowerCase(java.util.Locale.ROOT).contains("\r\nconnection: close");
        }
    }

    private RawHttp() {
    }

    /** Sends {@code request} and reads until the server closes the connection (the request should ask it to). */
    static Response exchange(String baseUrl, byte[] request) throws Exception {
        URI base = URI.create(baseUrl);
        try (Socket s = new Socket(base.getHost(), base.getPort())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(request);
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            String head = text.substring(0, end);
            return new Response(Integer.parseInt(head.split(" ")[1]), head, text.substring(end + 4));
        }
    }
}

package org.semiont.bench.api;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.function.IntFunction;

/**
 * The load generator: {@code concurrency} keep-alive HTTP/1.1 connections driven by one thread and one selector,
 * each sending its next request as soon as the previous response is complete (closed loop, like wrk). Written here
 * on purpose: on a 2-core machine the generator shares the CPU with the server it measures, and a thread per
 * connection (JDK or Jetty client) cost several times the server's own work per small request (same-run GET
 * ceilings ~1.5k and ~5k req/s, against ~22k with wrk). Loopback only; responses need a Content-Length.
 */
final class LoadLoop {
    /** Per-request latency in nanoseconds (index = request number), non-expected statuses, wall time. */
    record Result(long[] latenciesNanos, int errors, long wallNanos) {
    }

    private static final class Connection {
        final SocketChannel channel;
        ByteBuffer out;
        ByteBuffer in = ByteBuffer.allocate(64 * 1024);
        int request;
        long started;

        Connection(SocketChannel channel) {
            this.channel = channel;
        }
    }

    private LoadLoop() {
    }

    static Result run(String baseUrl, int n, int concurrency, IntFunction<byte[]> requestBytes, int expectedStatus) throws IOException {
        URI uri = URI.create(baseUrl);
        if (!"127.0.0.1".equals(uri.getHost()) && !"localhost".equals(uri.getHost())) {
            throw new IllegalArgumentException("load goes to loopback only, not " + uri.getHost());
        }
        long[] latencies = new long[n];
        int errors = 0;
        int next = 0;
        int open = 0;
        long start = System.nanoTime();
        try (Selector selector = Selector.open()) {
            for (int c = 0; c < concurrency && next < n; c++) {
                SocketChannel ch = SocketChannel.open(new InetSocketAddress(uri.getHost(), uri.getPort()));
                ch.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
                ch.configureBlocking(false);
                Connection conn = new Connection(ch);
                begin(conn, next++, requestBytes);
                ch.register(selector, SelectionKey.OP_WRITE, conn);
                open++;
            }
            while (open > 0) {
                if (selector.select(30_000) == 0) {
                    throw new IOException("no response within 30 s");
                }
                for (var it = selector.selectedKeys().iterator(); it.hasNext(); ) {
                    SelectionKey key = it.next();
                    it.remove();
                    Connection conn = (Connection) key.attachment();
                    if (key.isWritable()) {
                        conn.channel.write(conn.out);
                        if (!conn.out.hasRemaining()) {
                            key.interestOps(SelectionKey.OP_READ);
                        }
                        continue;
                    }
                    if (conn.channel.read(conn.in) < 0) {
                        throw new IOException("the server closed a connection mid-response");
                    }
                    int status = complete(conn.in);
                    if (status == 0) {
                        continue;
                    }
                    latencies[conn.request] = System.nanoTime() - conn.started;
                    if (status != expectedStatus) {
                        errors++;
                    }
                    if (next < n) {
                        begin(conn, next++, requestBytes);
                        key.interestOps(SelectionKey.OP_WRITE);
                    } else {
                        key.cancel();
                        conn.channel.close();
                        open--;
                    }
                }
            }
        }
        return new Result(latencies, errors, System.nanoTime() - start);
    }

    private static void begin(Connection conn, int request, IntFunction<byte[]> requestBytes) {
        conn.request = request;
        conn.out = ByteBuffer.wrap(requestBytes.apply(request));
        conn.in.clear();
        conn.started = System.nanoTime();
    }

    /** The status once {@code in} holds a whole response (head and Content-Length body), else 0. */
    private static int complete(ByteBuffer in) throws IOException {
        byte[] b = in.array();
        int len = in.position();
        int headEnd = -1;
        for (int i = 3; i < len; i++) {
            if (b[i] == '\n' && b[i - 1] == '\r' && b[i - 2] == '\n' && b[i - 3] == '\r') {
                headEnd = i + 1;
                break;
            }
        }
        if (headEnd < 0) {
            if (!in.hasRemaining()) {
                throw new IOException("response head larger than " + b.length + " bytes");
            }
            return 0;
        }
        String head = new String(b, 0, headEnd, StandardCharsets.ISO_8859_1);
        int at = indexOfIgnoreCase(head, "\r\ncontent-length:");
        if (at < 0) {
            throw new IOException("response without Content-Length: " + head.lines().findFirst().orElse(""));
        }
        int valueStart = at + "\r\ncontent-length:".length();
        int length = Integer.parseInt(head.substring(valueStart, head.indexOf('\r', valueStart)).trim());
        if (headEnd + length > b.length) {
            throw new IOException("response body larger than the buffer");
        }
        return len >= headEnd + length ? Integer.parseInt(head.substring(9, 12)) : 0;
    }

    private static int indexOfIgnoreCase(String s, String lowerNeedle) {
        for (int i = 0; i + lowerNeedle.length() <= s.length(); i++) {
            if (s.regionMatches(true, i, lowerNeedle, 0, lowerNeedle.length())) {
                return i;
            }
        }
        return -1;
    }

    /** A complete HTTP/1.1 request. */
    static byte[] request(String method, String hostPort, String path, String bearer, byte[] jsonBody) {
        StringBuilder head = new StringBuilder(512).append(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: ")
                .append(hostPort).append("\r\nAuthorization: Bearer ").append(bearer).append("\r\n");
        if (jsonBody != null) {
            head.append("Content-Type: application/json\r\nContent-Length: ").append(jsonBody.length).append("\r\n");
        }
        byte[] h = head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
        if (jsonBody == null) {
            return h;
        }
        byte[] all = java.util.Arrays.copyOf(h, h.length + jsonBody.length);
        System.arraycopy(jsonBody, 0, all, h.length, jsonBody.length);
        return all;
    }
}

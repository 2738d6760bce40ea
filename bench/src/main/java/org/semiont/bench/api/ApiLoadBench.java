package org.semiont.bench.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.http.HttpHeader;
import org.semiont.server.ServerApp;
import org.semiont.server.auth.JwtCodec;
import org.semiont.server.config.Environment;
import org.semiont.server.config.ServerConfig;

/**
 * Load on {@code POST /api/annotations} against a real server (embedded PostgreSQL, fsync on) started in this
 * JVM on a fresh data dir: 1 document c=1 (first/last 500 of 2,000 reported apart), 100 documents c=16,
 * 1 document c=16; with {@code GET /api/status} at c=16 as the same-run baseline (HTTP, JSON and auth without a write).
 *
 * <p>Run: {@code mvn -B -q -o install -DskipTests && java -cp "bench/target/semiont-bench.jar:bench/target/lib/*"
 * org.semiont.bench.api.ApiLoadBench [requestsPerScenario]}
 */
public final class ApiLoadBench {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String SECRET = "bench-secret-0123456789-0123456789-abcdef";
    private final HttpClient http = new HttpClient();
    private String base;
    private String token;

    public static void main(String[] args) throws Exception {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        Path dir = Files.createTempDirectory("semiont-api-bench");
        Environment env = new Environment(Map.of("JWT_SECRET", SECRET));
        ServerConfig config = ServerConfig.from(env, new ServerConfig.Overrides("127.0.0.1", 0, null, dir, null));
        ApiLoadBench bench = new ApiLoadBench();
        bench.http.setMaxConnectionsPerDestination(64);
        bench.http.start();
        try (ServerApp app = ServerApp.start(config, env)) {
            bench.run(app.url(), n);
            var r = app.api().maintenance().rebuild(x -> { });
            System.out.printf("projection rebuild (server idle): %d events in %d ms = %.0f events/s%n", r.events(), r.millis(),
                    r.events() * 1000.0 / Math.max(1, r.millis()));
        } finally {
            bench.http.stop();
        }
    }

    void run(String url, int n) throws Exception {
        base = url;
        String service = new JwtCodec(SECRET, "semiont", Clock.systemUTC()).issueService();
        send("POST", "/api/admin/users", Map.of("email", "bench@example.org", "name", "Bench"), service);
        token = json(send("POST", "/api/tokens/local", Map.of("email", "bench@example.org"), null)).get("token").asText();
        List<String> docs = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            docs.add(json(send("POST", "/api/documents", Map.of("name", "Doc " + i, "content", "Alice met Bob, document " + i + "."),
                    token)).get("document").get("id").asText());
        }
        System.out.println("scenario                         requests  errors    req/s   p50 ms   p99 ms");
        report("warm-up (1 doc, c=16)", load(Math.max(500, 4 * n), 16, i -> docs.get(100)));
        report("baseline GET /api/status c=16", load(n, 16, null));
        Result single = load(n, 1, i -> docs.get(0));
        report("1 doc c=1 (all)", single);
        report("1 doc c=1 first 500", single.slice(0, Math.min(500, n)));
        report("1 doc c=1 last 500", single.slice(Math.max(0, n - 500), n));
        report("100 docs c=16", load(n * 5, 16, i -> docs.get(i % 100)));
        report("1 doc c=16", load(n, 16, i -> docs.get(0)));
    }

    record Result(long[] latenciesNanos, int errors, long wallNanos) {
        Result slice(int from, int to) {
            long[] part = Arrays.copyOfRange(latenciesNanos, from, to);
            return new Result(part, 0, Arrays.stream(part).sum());
        }
    }

    private Result load(int n, int concurrency, IntFunction<String> docOf) throws Exception {
        long[] lat = new long[n];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        List<Future<?>> fs = new ArrayList<>();
        for (int t = 0; t < concurrency; t++) {
            fs.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < n) {
                    long s = System.nanoTime();
                    int status = docOf == null ? get("/api/status") : post(docOf.apply(i), i);
                    lat[i] = System.nanoTime() - s;
                    if (status != (docOf == null ? 200 : 201)) {
                        errors.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : fs) {
            f.get();
        }
        pool.shutdown();
        return new Result(lat, errors.get(), System.nanoTime() - start);
    }

    private int post(String doc, int i) throws Exception {
        Map<String, Object> body = Map.of("motivation", "highlighting", "target", Map.of("source", doc, "selector", List.of(
                Map.of("type", "TextPositionSelector", "start", 0, "end", 5), Map.of("type", "TextQuoteSelector", "exact", "Alice"))),
                "body", List.of(Map.of("type", "TextualBody", "value", "note " + i, "purpose", "commenting")));
        return send("POST", "/api/annotations", body, token).getStatus();
    }

    private int get(String path) throws Exception {
        return http.newRequest(base + path).headers(h -> h.put(HttpHeader.AUTHORIZATION, "Bearer " + token))
                .timeout(30, java.util.concurrent.TimeUnit.SECONDS).send().getStatus();
    }

    private ContentResponse send(String method, String path, Object body, String bearer) throws Exception {
        Request r = http.newRequest(base + path).method(method).timeout(30, java.util.concurrent.TimeUnit.SECONDS)
                .body(new StringRequestContent("application/json", JSON.writeValueAsString(body)));
        if (bearer != null) {
            r.headers(h -> h.put(HttpHeader.AUTHORIZATION, "Bearer " + bearer));
        }
        return r.send();
    }

    private static JsonNode json(ContentResponse r) throws Exception {
        if (r.getStatus() >= 300) {
            throw new IllegalStateException("setup request failed: " + r.getStatus() + " " + r.getContentAsString());
        }
        return JSON.readTree(r.getContentAsString());
    }

    private static void report(String name, Result r) {
        long[] sorted = r.latenciesNanos().clone();
        Arrays.sort(sorted);
        double secs = r.wallNanos() / 1e9;
        System.out.printf("%-32s %8d %7d %8.0f %8.2f %8.2f%n", name, sorted.length, r.errors(), sorted.length / secs,
                pct(sorted, 0.50), pct(sorted, 0.99));
    }

    private static double pct(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1e6;
    }
}

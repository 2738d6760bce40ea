package org.semiont.bench.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.semiont.bench.PostgresCpu;
import org.semiont.server.ServerApp;
import org.semiont.server.auth.JwtCodec;
import org.semiont.server.config.Environment;
import org.semiont.server.config.ServerConfig;

/**
 * Load on {@code POST /api/annotations} against a real server (embedded PostgreSQL, fsync on) started in this
 * JVM on a fresh data dir: 1 document c=1 (first/last 500 of 2,000 reported apart), 100 documents c=16,
 * 1 document c=16; with {@code GET /api/status} at c=16 as the same-run baseline (HTTP, JSON and auth without a
 * write). The load comes from {@link LoadLoop} (one thread, keep-alive connections); 30 s of warm-up load runs
 * first so the figures are of compiled code, and each c=16 scenario runs {@code requestsPerScenario} unmeasured
 * requests of its own load before it is measured. Each scenario also reports the CPU it cost per request, in this JVM
 * (server and load generator) and in PostgreSQL.
 *
 * <p>Run: {@code mvn -B -q -o package -DskipTests && java -cp "bench/target/semiont-bench.jar:bench/target/lib/*"
 * org.semiont.bench.api.ApiLoadBench [requestsPerScenario]}
 */
public final class ApiLoadBench {
    static final ObjectMapper JSON = new ObjectMapper();
    /**
     * C2 needs tens of seconds of load on two busy cores before the figures settle: under wrk load its threads used
     * 6.7, 6.2, 1.3 and then under 0.3 CPU seconds in consecutive 15 s windows.
     */
    static final Duration WARM_UP = Duration.ofSeconds(60);
    static final String SECRET = "bench-secret-0123456789-0123456789-abcdef";
    private final HttpClient setup = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final PostgresCpu postgres;
    private String base;
    private String hostPort;
    private String token;

    ApiLoadBench(PostgresCpu postgres) {
        this.postgres = postgres;
    }

    public static void main(String[] args) throws Exception {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        Path dir = Files.createTempDirectory("semiont-api-bench");
        Environment env = new Environment(Map.of("JWT_SECRET", SECRET));
        ServerConfig config = ServerConfig.from(env, new ServerConfig.Overrides("127.0.0.1", 0, null, dir, null));
        try (ServerApp app = ServerApp.start(config, env)) {
            new ApiLoadBench(new PostgresCpu(dir.resolve("postgres"))).run(app.url(), n);
            var r = app.api().maintenance().rebuild(x -> { });
            System.out.printf("projection rebuild (server idle): %d events in %d ms = %.0f events/s%n", r.events(), r.millis(),
                    r.events() * 1000.0 / Math.max(1, r.millis()));
        }
    }

    /** The bench user's password: a throwaway for a throwaway database, never a real secret. */
    private static final String BENCH_PASSWORD = "bench only, loopback only";

    void run(String url, int n) throws Exception {
        base = url;
        URI uri = URI.create(url);
        hostPort = uri.getHost() + ":" + uri.getPort();
        String service = new JwtCodec(SECRET, "semiont", Clock.systemUTC()).issueService();
        json(send("POST", "/api/admin/users", Map.of("email", "bench@example.org", "name", "Bench",
                "password", BENCH_PASSWORD), service));
        token = json(send("POST", "/api/tokens/password", Map.of("email", "bench@example.org", "password", BENCH_PASSWORD),
                null)).get("token").asText();
        List<String> docs = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            docs.add(json(send("POST", "/api/documents", Map.of("name", "Doc " + i, "content", "Alice met Bob, document " + i + "."),
                    token)).get("document").get("id").asText());
        }
        System.out.println("scenario                         requests  errors    req/s   p50 ms   p99 ms  jvm us/req  pg us/req");
        long warmUntil = System.nanoTime() + WARM_UP.toNanos();
        int warmed = 0;
        while (System.nanoTime() < warmUntil) {
            LoadLoop.Result w = posts(2000, 16, i -> docs.get(100));
            warmed += w.latenciesNanos().length;
            if (w.errors() > 0) {
                throw new IllegalStateException(w.errors() + " errors during the warm-up");
            }
        }
        System.out.printf("warm-up: %d annotations on one document at c=16 over %d s%n", warmed, WARM_UP.toSeconds());
        report("baseline GET /api/status c=16", measured(() -> LoadLoop.run(base, 5 * n, 16,
                i -> LoadLoop.request("GET", hostPort, "/api/status", token, null), 200)));
        Measured single = measured(() -> posts(n, 1, i -> docs.get(0)));
        report("1 doc c=1 (all)", single);
        report("1 doc c=1 first 500", new Measured(slice(single.result, 0, Math.min(500, n)), -1, -1));
        report("1 doc c=1 last 500", new Measured(slice(single.result, Math.max(0, n - 500), n), -1, -1));
        // the first c=16 scenario after the c=1 one ran a quarter slower than the same scenario later (JIT, pools
        // settling back): each c=16 scenario gets a short unmeasured run of its own load first
        posts(n, 16, i -> docs.get(i % 100));
        report("100 docs c=16", measured(() -> posts(n * 10, 16, i -> docs.get(i % 100))));
        posts(n, 16, i -> docs.get(0));
        report("1 doc c=16", measured(() -> posts(n * 2, 16, i -> docs.get(0))));
    }

    /**
     * A scenario's result with the CPU it cost per request: this JVM (server and load generator together) and
     * PostgreSQL. Less noisy than req/s on a shared machine, whose speed moves between runs.
     */
    private record Measured(LoadLoop.Result result, double jvmMicrosPerRequest, double postgresMicrosPerRequest) {
    }

    private interface Scenario {
        LoadLoop.Result run() throws Exception;
    }

    private Measured measured(Scenario s) throws Exception {
        double jvm = PostgresCpu.jvmSeconds();
        double pg = postgres.seconds();
        LoadLoop.Result r = s.run();
        int requests = r.latenciesNanos().length;
        return new Measured(r, (PostgresCpu.jvmSeconds() - jvm) * 1e6 / requests, (postgres.seconds() - pg) * 1e6 / requests);
    }

    private LoadLoop.Result posts(int n, int concurrency, IntFunction<String> docOf) throws Exception {
        return LoadLoop.run(base, n, concurrency, i -> LoadLoop.request("POST", hostPort, "/api/annotations", token,
                annotation(docOf.apply(i), i)), 201);
    }

    private static byte[] annotation(String doc, int i) {
        Map<String, Object> body = Map.of("motivation", "highlighting", "target", Map.of("source", doc, "selector", List.of(
                Map.of("type", "TextPositionSelector", "start", 0, "end", 5), Map.of("type", "TextQuoteSelector", "exact", "Alice"))),
                "body", List.of(Map.of("type", "TextualBody", "value", "note " + i, "purpose", "commenting")));
        try {
            return JSON.writeValueAsBytes(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static LoadLoop.Result slice(LoadLoop.Result r, int from, int to) {
        long[] part = Arrays.copyOfRange(r.latenciesNanos(), from, to);
        return new LoadLoop.Result(part, 0, Arrays.stream(part).sum());
    }

    private HttpResponse<String> send(String method, String path, Object body, String bearer) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return setup.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        if (r.statusCode() >= 300) {
            throw new IllegalStateException("setup request failed: " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body());
    }

    private static void report(String name, Measured m) {
        LoadLoop.Result r = m.result;
        long[] sorted = r.latenciesNanos().clone();
        Arrays.sort(sorted);
        double secs = r.wallNanos() / 1e9;
        System.out.printf("%-32s %8d %7d %8.0f %8.2f %8.2f  %10s %10s%n", name, sorted.length, r.errors(), sorted.length / secs,
                pct(sorted, 0.50), pct(sorted, 0.99), micros(m.jvmMicrosPerRequest), micros(m.postgresMicrosPerRequest));
    }

    private static String micros(double v) {
        return v < 0 ? "-" : String.format("%.0f", v);
    }

    private static double pct(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1e6;
    }
}

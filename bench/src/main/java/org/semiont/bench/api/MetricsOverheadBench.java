package org.semiont.bench.api;

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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.semiont.server.ServerApp;
import org.semiont.server.auth.JwtCodec;
import org.semiont.server.config.Environment;
import org.semiont.server.config.ServerConfig;

/**
 * What serving metrics costs writes: {@code POST /api/annotations} at c=16 on 100 documents, on one server with
 * metrics on, in rounds that alternate "a {@code GET /metrics} every second" with "no scrape" (the order flips each
 * round). Prints writes/s of both per round, the ratio scraped/unscraped, and the median ratio.
 *
 * <p>Run: {@code mvn -B -q -o package -DskipTests && java -cp "bench/target/semiont-bench.jar:bench/target/lib/*"
 * org.semiont.bench.api.MetricsOverheadBench [rounds=6] [requestsPerPhase=6000]}
 */
public final class MetricsOverheadBench {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String SECRET = "bench-secret-0123456789-0123456789-abcdef";
    static final String METRICS_TOKEN = "bench-metrics-token-0123456789";
    /** A throwaway for a throwaway database, never a real secret. */
    static final String PASSWORD = "bench only, loopback only";
    static final Duration WARM_UP = Duration.ofSeconds(30);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private String base;
    private String hostPort;
    private String token;

    public static void main(String[] args) throws Exception {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 6;
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 6000;
        Path dir = Files.createTempDirectory("semiont-metrics-bench");
        Environment env = new Environment(Map.of("JWT_SECRET", SECRET, "SEMIONT_METRICS_TOKEN", METRICS_TOKEN));
        ServerConfig config = ServerConfig.from(env, new ServerConfig.Overrides("127.0.0.1", 0, null, dir, null));
        try (ServerApp app = ServerApp.start(config, env)) {
            new MetricsOverheadBench().run(app.url(), rounds, n);
        }
    }

    void run(String url, int rounds, int n) throws Exception {
        base = url;
        hostPort = URI.create(url).getHost() + ":" + URI.create(url).getPort();
        String service = new JwtCodec(SECRET, "semiont", Clock.systemUTC()).issueService();
        send("POST", "/api/admin/users", Map.of("email", "bench@example.org", "name", "Bench", "password", PASSWORD), service);
        token = JSON.readTree(send("POST", "/api/tokens/password", Map.of("email", "bench@example.org", "password", PASSWORD),
                null)).get("token").asText();
        List<String> docs = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            docs.add(JSON.readTree(send("POST", "/api/documents", Map.of("name", "Doc " + i, "content", "Alice met Bob " + i + "."),
                    token)).get("document").get("id").asText());
        }
        long until = System.nanoTime() + WARM_UP.toNanos();
        while (System.nanoTime() < until) {
            writes(docs, 2000, true);
        }
        double[] ratios = new double[rounds];
        System.out.println("round  scraped w/s  unscraped w/s  ratio  scrapes");
        for (int r = 0; r < rounds; r++) {
            boolean scrapedFirst = r % 2 == 0;
            Phase a = writes(docs, n, scrapedFirst);
            Phase b = writes(docs, n, !scrapedFirst);
            Phase on = scrapedFirst ? a : b;
            Phase off = scrapedFirst ? b : a;
            ratios[r] = on.perSecond / off.perSecond;
            System.out.printf("%5d %12.0f %14.0f %6.3f %8d%n", r + 1, on.perSecond, off.perSecond, ratios[r], on.scrapes);
        }
        Arrays.sort(ratios);
        double median = rounds % 2 == 1 ? ratios[rounds / 2] : (ratios[rounds / 2 - 1] + ratios[rounds / 2]) / 2;
        System.out.printf("median ratio scraped/unscraped writes/s: %.3f over %d rounds%n", median, rounds);
    }

    private record Phase(double perSecond, int scrapes) {
    }

    private Phase writes(List<String> docs, int n, boolean scraped) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger scrapes = new AtomicInteger();
        Thread scraper = new Thread(() -> {
            while (running.get()) {
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/metrics"))
                            .header("Authorization", "Bearer " + METRICS_TOKEN).build(), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() != 200) {
                        throw new IllegalStateException("scrape answered " + r.statusCode());
                    }
                    scrapes.incrementAndGet();
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }, "scraper");
        if (scraped) {
            scraper.start();
        }
        try {
            LoadLoop.Result r = LoadLoop.run(base, n, 16, i -> LoadLoop.request("POST", hostPort, "/api/annotations", token,
                    annotation(docs.get(i % docs.size()), i)), 201);
            if (r.errors() > 0) {
                throw new IllegalStateException(r.errors() + " errors");
            }
            return new Phase(r.latenciesNanos().length / (r.wallNanos() / 1e9), scrapes.get());
        } finally {
            running.set(false);
            scraper.interrupt();
            scraper.join();
        }
    }

    private static byte[] annotation(String doc, int i) {
        try {
            return JSON.writeValueAsBytes(Map.of("motivation", "highlighting", "target", Map.of("source", doc, "selector",
                    List.of(Map.of("type", "TextQuoteSelector", "exact", "Alice"))),
                    "body", List.of(Map.of("type", "TextualBody", "value", "note " + i, "purpose", "commenting"))));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String send(String method, String path, Object body, String bearer) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }
}

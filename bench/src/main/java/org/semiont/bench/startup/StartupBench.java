package org.semiont.bench.startup;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Whole-process start time of {@code semiont start} until {@code /api/health/ready} answers 200:
 * cold (fresh data dir, includes initdb) and warm (same data dir again), median of N runs each,
 * against a baseline measured in the same run: {@code semiont --version} (JVM + CLI start only).
 *
 * <p>Run: {@code java -cp "bench/target/semiont-bench.jar:bench/target/lib/*" org.semiont.bench.startup.StartupBench [runs]}
 * after {@code mvn -B -q package -DskipTests}.
 */
public final class StartupBench {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path jar = Path.of("cli/target/semiont.jar").toAbsolutePath();
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " missing: run mvn -B -q package -DskipTests first");
        }
        List<Long> baseline = new ArrayList<>();
        List<Long> cold = new ArrayList<>();
        List<Long> warm = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            baseline.add(timeVersion(jar));
            Path dir = Files.createTempDirectory("semiont-bench-start");
            cold.add(timeStart(jar, dir, 4400 + i));
            warm.add(timeStart(jar, dir, 4400 + i));
            delete(dir);
        }
        long b = median(baseline);
        System.out.printf("baseline (semiont --version): median %d ms%n", b);
        System.out.printf("cold start to ready:          median %d ms (%.1fx baseline)  runs %s%n", median(cold), median(cold) / (double) b, cold);
        System.out.printf("warm start to ready:          median %d ms (%.1fx baseline)  runs %s%n", median(warm), median(warm) / (double) b, warm);
    }

    private static long timeVersion(Path jar) throws Exception {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(java(), "-jar", jar.toString(), "--version").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        p.waitFor(60, TimeUnit.SECONDS);
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private static long timeStart(Path jar, Path dataDir, int port) throws Exception {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(java(), "-jar", jar.toString(), "start", "--port", String.valueOf(port),
                "--data-dir", dataDir.toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            URI ready = URI.create("http://127.0.0.1:" + port + "/api/health/ready");
            while (!isReady(ready)) {
                if (!p.isAlive()) {
                    throw new IllegalStateException("semiont start exited with " + p.exitValue());
                }
                Thread.sleep(10);
            }
            return (System.nanoTime() - t0) / 1_000_000;
        } finally {
            p.destroy();
            if (!p.waitFor(15, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    private static boolean isReady(URI uri) {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static long median(List<Long> xs) {
        List<Long> s = xs.stream().sorted().toList();
        return s.get(s.size() / 2);
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}

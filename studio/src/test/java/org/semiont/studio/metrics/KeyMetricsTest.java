package org.semiont.studio.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class KeyMetricsTest {
    @Test
    void requests_p99_from_the_buckets_pools_and_positions_are_read_from_the_registry() {
        SimpleMeterRegistry r = new SimpleMeterRegistry();
        Duration[] slos = {Duration.ofMillis(5), Duration.ofMillis(25), Duration.ofMillis(100), Duration.ofSeconds(1)};
        Timer ok = Timer.builder("http.server.requests").tag("uri", "/a").tag("outcome", "SUCCESS").serviceLevelObjectives(slos).register(r);
        Timer bad = Timer.builder("http.server.requests").tag("uri", "/b").tag("outcome", "SERVER_ERROR").serviceLevelObjectives(slos).register(r);
        for (int i = 0; i < 197; i++) {
            ok.record(3, TimeUnit.MILLISECONDS);
        }
        ok.record(20, TimeUnit.MILLISECONDS);
        ok.record(20, TimeUnit.MILLISECONDS);
        bad.record(80, TimeUnit.MILLISECONDS);
        Gauge.builder("semiont.events.last.position", () -> 1234).register(r);
        Gauge.builder("hikaricp.connections.active", () -> 2).tag("pool", "semiont-app").register(r);
        Gauge.builder("hikaricp.connections.idle", () -> 8).tag("pool", "semiont-app").register(r);
        Gauge.builder("hikaricp.connections.pending", () -> 0).tag("pool", "semiont-app").register(r);
        Gauge.builder("semiont.backup.last.success.timestamp", () -> Double.NaN).register(r);

        Map<String, String> m = KeyMetrics.read(r).stream().collect(Collectors.toMap(KeyMetrics.Metric::key, KeyMetrics.Metric::value));
        assertThat(m.get("requests")).isEqualTo("200 (1 server errors)");
        assertThat(m.get("p99")).isEqualTo("≤ 25 ms"); // 199 of 200 within 25 ms
        assertThat(m.get("log-position")).isEqualTo("1,234");
        assertThat(m.get("pool-semiont-app")).isEqualTo("2 active, 8 idle, 0 waiting");
        assertThat(m).doesNotContainKey("backup"); // no backup taken: no line
        for (int i = 0; i < 4; i++) {
            bad.record(900, TimeUnit.MILLISECONDS); // 204 requests: the 202nd is past 100 ms
        }
        assertThat(KeyMetrics.read(r).stream().filter(x -> x.key().equals("p99")).findFirst().orElseThrow().value()).isEqualTo("≤ 1.0 s");
    }
}

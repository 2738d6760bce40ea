package org.semiont.server.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import org.semiont.server.web.RequestObserver;

/** {@code http_server_requests_seconds} by method, route template and status; requests in flight; event stream clients. */
final class HttpMetrics implements RequestObserver {
    /** From a cached read to a slow upload: where the answers of this API fall. */
    static final Duration[] BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)};
    private final MeterRegistry registry;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final ConcurrentHashMap<Key, Timer> timers = new ConcurrentHashMap<>();

    private record Key(String method, String route, int status) {
    }

    HttpMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("http.server.requests.active", inFlight, AtomicInteger::get)
                .description("HTTP exchanges in progress, event streams included").strongReference(true).register(registry);
    }

    void bindEventStreams(IntSupplier clients) {
        Gauge.builder("semiont.sse.clients", clients, IntSupplier::getAsInt)
                .description("Open event streams (SSE)").strongReference(true).register(registry);
    }

    @Override
    public void started() {
        inFlight.incrementAndGet();
    }

    @Override
    public void ended() {
        inFlight.decrementAndGet();
    }

    @Override
    public void answered(String method, String route, int status, long nanos) {
        timers.computeIfAbsent(new Key(method, route, status), k -> Timer.builder("http.server.requests")
                        .description("HTTP requests answered")
                        .tag("method", k.method).tag("uri", k.route).tag("status", Integer.toString(k.status))
                        .tag("outcome", outcome(k.status))
                        .serviceLevelObjectives(BUCKETS).register(registry))
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    private static String outcome(int status) {
        if (status >= 500) {
            return "SERVER_ERROR";
        }
        if (status >= 400) {
            return "CLIENT_ERROR";
        }
        return status >= 300 ? "REDIRECTION" : "SUCCESS";
    }
}

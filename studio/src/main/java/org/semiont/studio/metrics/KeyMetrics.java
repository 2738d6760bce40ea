package org.semiont.studio.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * A few of the server's series, read from its Micrometer registry in the same process (nothing is scraped): requests
 * answered and their 99th percentile, requests in flight, the event log's position, the projector's lag, the
 * connection pools, and the last backup when the server takes backups.
 */
public final class KeyMetrics {
    private KeyMetrics() {
    }

    /** One line of the health page: a stable {@code key}, what it is, and its value now. */
    public record Metric(String key, String label, String value) {
    }

    public static List<Metric> read(MeterRegistry r) {
        List<Metric> out = new ArrayList<>();
        Collection<Timer> requests = r.find("http.server.requests").timers();
        long count = requests.stream().mapToLong(Timer::count).sum();
        long errors = requests.stream().filter(t -> "SERVER_ERROR".equals(t.getId().getTag("outcome"))).mapToLong(Timer::count).sum();
        out.add(new Metric("requests", "HTTP requests answered", count + (errors > 0 ? " (" + errors + " server errors)" : "")));
        out.add(new Metric("p99", "HTTP latency, 99th percentile", p99(requests, count)));
        gauge(r, "http.server.requests.active").ifPresent(v -> out.add(new Metric("in-flight", "HTTP requests in progress", whole(v))));
        gauge(r, "semiont.events.last.position").ifPresent(v -> out.add(new Metric("log-position", "Event log position", whole(v))));
        gauge(r, "semiont.projection.applied.position").ifPresent(v -> out.add(new Metric("applied", "Projection applied up to", whole(v))));
        gauge(r, "semiont.projection.lag.events").ifPresent(v -> out.add(new Metric("lag-events", "Projector lag (events)", whole(v))));
        gauge(r, "semiont.projection.lag").ifPresent(v -> out.add(new Metric("lag-seconds", "Projector lag (seconds)",
                String.format(Locale.ROOT, "%.3f", v))));
        for (Gauge active : r.find("hikaricp.connections.active").gauges()) {
            String pool = active.getId().getTag("pool");
            double idle = r.find("hikaricp.connections.idle").tag("pool", pool).gauges().stream().mapToDouble(Gauge::value).sum();
            double pending = r.find("hikaricp.connections.pending").tag("pool", pool).gauges().stream().mapToDouble(Gauge::value).sum();
            out.add(new Metric("pool-" + pool, "Connection pool " + pool, whole(active.value()) + " active, " + whole(idle) + " idle, "
                    + whole(pending) + " waiting"));
        }
        gauge(r, "semiont.backup.last.success.timestamp").filter(v -> !Double.isNaN(v)).ifPresent(v -> out.add(new Metric(
                "backup", "Last successful backup", Instant.ofEpochMilli((long) (v * 1000)).toString())));
        return out;
    }

    /**
     * The 99th percentile from the request timers' histogram buckets, summed over every route: the upper bound of the
     * bucket it falls in ("≤ 25 ms"), as exact as the buckets are.
     */
    static String p99(Collection<Timer> timers, long count) {
        if (count == 0) {
            return "no requests yet";
        }
        TreeMap<Double, Double> cumulative = new TreeMap<>();
        for (Timer t : timers) {
            for (CountAtBucket b : t.takeSnapshot().histogramCounts()) {
                cumulative.merge(b.bucket(java.util.concurrent.TimeUnit.MILLISECONDS), b.count(), Double::sum);
            }
        }
        if (cumulative.isEmpty()) {
            return "not recorded (no histogram)";
        }
        double wanted = Math.ceil(0.99 * count);
        for (var e : cumulative.entrySet()) {
            if (e.getValue() >= wanted) {
                return "≤ " + millis(e.getKey());
            }
        }
        return "> " + millis(cumulative.lastKey());
    }

    private static String millis(double ms) {
        return ms >= 1000 ? String.format(Locale.ROOT, "%.1f s", ms / 1000) : String.format(Locale.ROOT, "%.0f ms", ms);
    }

    private static java.util.Optional<Double> gauge(MeterRegistry r, String name) {
        Gauge g = r.find(name).gauge();
        return g == null ? java.util.Optional.empty() : java.util.Optional.of(g.value());
    }

    private static String whole(double v) {
        return Double.isNaN(v) ? "unknown" : String.format(Locale.ROOT, "%,d", (long) v);
    }
}

package org.semiont.server.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.semiont.events.CommitObserver;
import org.semiont.events.EventLog;
import org.semiont.events.LogStats;

/**
 * The event log's series: appended events and bytes, fsync latency and batch size (counted on the commit path, a few
 * counter updates per batch), and position, streams and free disk read at scrape time.
 */
final class EventLogMetrics implements CommitObserver {
    /** Counting the streams walks the log's directories: at most this often. */
    static final Duration STREAM_COUNT_EVERY = Duration.ofSeconds(60);
    private final MeterRegistry registry;
    private final Clock clock;
    private final Counter events;
    private final Counter bytes;
    private final Timer fsync;
    private final DistributionSummary batchSize;

    EventLogMetrics(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        events = Counter.builder("semiont.events.appended").description("Events made durable in the log").register(registry);
        bytes = Counter.builder("semiont.events.appended.bytes").baseUnit("bytes")
                .description("Bytes of event lines made durable").register(registry);
        fsync = Timer.builder("semiont.events.fsync").description("fsync of the global log, one per group commit")
                .serviceLevelObjectives(Duration.ofNanos(250_000), Duration.ofMillis(1), Duration.ofMillis(2),
                        Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
                        Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofSeconds(1))
                .register(registry);
        batchSize = DistributionSummary.builder("semiont.events.commit.batch.size").baseUnit("events")
                .description("Events per group commit").serviceLevelObjectives(1, 2, 4, 8, 16, 32, 64, 128, 256, 1024, 4096)
                .register(registry);
    }

    @Override
    public void committed(int n, long b, long fsyncNanos) {
        events.increment(n);
        bytes.increment(b);
        fsync.record(fsyncNanos, TimeUnit.NANOSECONDS);
        batchSize.record(n);
    }

    void bind(EventLog log) {
        ScrapeCache<LogStats> stats = new ScrapeCache<>(clock, Duration.ofSeconds(1), log::stats);
        ScrapeCache<Integer> streams = new ScrapeCache<>(clock, STREAM_COUNT_EVERY, () -> log.streamIds().size());
        Gauge.builder("semiont.events.last.position", log, EventLog::lastPosition)
                .description("Last durable global position").strongReference(true).register(registry);
        Gauge.builder("semiont.events.streams", streams, s -> s.get().orElse(-1))
                .description("Streams in the log (counted at most once a minute)").strongReference(true).register(registry);
        Gauge.builder("semiont.events.disk.free", stats, s -> s.get().map(LogStats::usableBytes).orElse(-1L))
                .baseUnit("bytes").description("Free space on the event log's file system").strongReference(true).register(registry);
        Gauge.builder("semiont.events.disk.total", stats, s -> s.get().map(LogStats::totalBytes).orElse(-1L))
                .baseUnit("bytes").description("Size of the event log's file system").strongReference(true).register(registry);
    }
}

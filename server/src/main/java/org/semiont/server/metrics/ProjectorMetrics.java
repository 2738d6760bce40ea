package org.semiont.server.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.semiont.events.EventLog;
import org.semiont.server.projection.Projector;
import org.semiont.server.projection.ProjectorObserver;

/**
 * The projector's series: lag behind the log in events and in seconds, batch apply time, retries, and whether it is
 * stopped at an event it cannot apply. The lag in seconds is the time since the projection last had everything the
 * log had (0 while it has).
 */
final class ProjectorMetrics implements ProjectorObserver {
    private final EventLog events;
    private final Projector projector;
    private final Clock clock;
    private final Timer batches;
    private final Counter retries;
    private volatile long caughtUpAtMillis;

    ProjectorMetrics(MeterRegistry registry, EventLog events, Projector projector, Clock clock) {
        this.events = events;
        this.projector = projector;
        this.clock = clock;
        this.caughtUpAtMillis = clock.millis();
        batches = Timer.builder("semiont.projection.batch").description("Applying one batch of events to PostgreSQL")
                .serviceLevelObjectives(Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(10),
                        Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
                        Duration.ofSeconds(1), Duration.ofSeconds(5))
                .register(registry);
        retries = Counter.builder("semiont.projection.retries").description("Failed batch attempts that were retried")
                .register(registry);
        Gauge.builder("semiont.projection.lag.events", this, m -> m.lagEvents())
                .description("Events in the log not yet in PostgreSQL").strongReference(true).register(registry);
        Gauge.builder("semiont.projection.lag", this, m -> m.lagSeconds()).baseUnit("seconds")
                .description("Time since the projection last had every event of the log").strongReference(true).register(registry);
        Gauge.builder("semiont.projection.applied.position", projector, p -> p.appliedPosition())
                .description("Last global position applied to PostgreSQL").strongReference(true).register(registry);
        Gauge.builder("semiont.projection.blocked", projector, p -> p.blocked().isPresent() ? 1 : 0)
                .description("1 while the projection is stopped at an event it cannot apply").strongReference(true).register(registry);
    }

    @Override
    public void applied(int n, long nanos, long position) {
        batches.record(nanos, TimeUnit.NANOSECONDS);
        if (position >= events.lastPosition()) {
            caughtUpAtMillis = clock.millis();
        }
    }

    @Override
    public void retrying() {
        retries.increment();
    }

    private double lagEvents() {
        return Math.max(0, events.lastPosition() - projector.appliedPosition());
    }

    private double lagSeconds() {
        if (lagEvents() == 0) {
            caughtUpAtMillis = clock.millis();
            return 0;
        }
        return (clock.millis() - caughtUpAtMillis) / 1000.0;
    }
}

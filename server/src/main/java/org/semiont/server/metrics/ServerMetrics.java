package org.semiont.server.metrics;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.function.IntSupplier;
import javax.sql.DataSource;
import org.semiont.events.CommitObserver;
import org.semiont.events.EventLog;
import org.semiont.server.web.RequestObserver;
import org.semiont.server.projection.Projector;

/**
 * The server's metrics, in one Prometheus registry: HTTP, JVM and process, connection pools, event log, projector,
 * PostgreSQL and backups. {@link #disabled()} when nobody can read them: its observers are the null ones, so nothing is
 * counted on any hot path, and its binders do nothing.
 */
public final class ServerMetrics implements AutoCloseable {
    static final Duration POSTGRES_TIMEOUT = Duration.ofSeconds(2);
    private final PrometheusMeterRegistry registry;
    private final Clock clock;
    private final HttpMetrics http;
    private final EventLogMetrics eventLog;
    private final BackupMetrics backups;
    private final JvmGcMetrics gc;

    private ServerMetrics(PrometheusMeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        if (registry == null) {
            http = null;
            eventLog = null;
            gc = null;
            backups = new BackupMetrics(new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
            return;
        }
        new JvmMemoryMetrics().bindTo(registry);
        gc = new JvmGcMetrics();
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        http = new HttpMetrics(registry);
        eventLog = new EventLogMetrics(registry, clock);
        backups = new BackupMetrics(registry);
    }

    public static ServerMetrics create(Clock clock) {
        return new ServerMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), clock);
    }

    public static ServerMetrics disabled() {
        return new ServerMetrics(null, Clock.systemUTC());
    }

    public boolean enabled() {
        return registry != null;
    }

    /** For {@link EventLog#open(java.nio.file.Path, org.semiont.events.EventLogOptions, CommitObserver)}. */
    public CommitObserver commitObserver() {
        return enabled() ? eventLog : CommitObserver.NONE;
    }

    /** For the HTTP server. */
    public RequestObserver requestObserver() {
        return enabled() ? http : RequestObserver.NONE;
    }

    public void bindEventLog(EventLog log) {
        if (enabled()) {
            eventLog.bind(log);
        }
    }

    /** Call before the projector starts. */
    public void bindProjector(Projector projector, EventLog log) {
        if (enabled()) {
            projector.observe(new ProjectorMetrics(registry, log, projector, clock));
        }
    }

    public void bindEventStreams(IntSupplier clients) {
        if (enabled()) {
            http.bindEventStreams(clients);
        }
    }

    /** HikariCP's own series ({@code hikaricp_connections_active}, {@code _idle}, {@code _pending}, …) for a pool. */
    public void bindPool(HikariDataSource pool) {
        if (enabled()) {
            pool.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
        }
    }

    /** PostgreSQL's statistics, read through {@code monitoringPool} at scrape time. */
    public void bindPostgres(DataSource monitoringPool) {
        if (enabled()) {
            new PostgresMetrics(registry, new PostgresStatsReader(monitoringPool, POSTGRES_TIMEOUT), clock);
        }
    }

    /** The registry, for readers in the same process (the studio's health page); empty when metrics are disabled. */
    public java.util.Optional<io.micrometer.core.instrument.MeterRegistry> registry() {
        return java.util.Optional.ofNullable(registry);
    }

    /** Where the backup feature plugs in its {@link BackupStatus}. */
    public BackupMetrics backups() {
        return backups;
    }

    /** The registry's series in the text format an {@code Accept} header asks for (Prometheus 0.0.4 or OpenMetrics). */
    public Scrape scrape(String accept) {
        if (!enabled()) {
            throw new IllegalStateException("metrics are disabled");
        }
        String type = ScrapeFormat.contentType(accept);
        return new Scrape(type, registry.scrape(type));
    }

    /** One answer to a scrape. */
    public record Scrape(String contentType, String body) {
    }

    @Override
    public void close() {
        if (gc != null) {
            gc.close();
        }
        if (registry != null) {
            registry.close();
        }
    }
}

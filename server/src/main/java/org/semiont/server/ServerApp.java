package org.semiont.server;

import org.semiont.server.util.SemiontVersion;
import org.semiont.server.util.Json;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.semiont.events.EventLog;
import org.semiont.events.EventLogOptions;
import org.semiont.server.api.ApiModule;
import org.semiont.server.datadir.ServerAddress;
import org.semiont.server.auth.AuthSettings;
import org.semiont.server.config.ConfigException;
import org.semiont.server.config.ConnectionLimits;
import org.semiont.server.config.Environment;
import org.semiont.server.config.ServerConfig;
import org.semiont.server.datadir.DataDirLayout;
import org.semiont.server.datadir.DataDirLock;
import org.semiont.server.lifecycle.ClassWarmup;
import org.semiont.server.lifecycle.PhaseTimer;
import org.semiont.server.lifecycle.Resources;
import org.semiont.server.db.ConnectionPools;
import org.semiont.server.db.DatabaseRuntime;
import org.semiont.server.health.DatabaseProbe;
import org.semiont.server.health.HealthDetails;
import org.semiont.server.health.HealthRoutes;
import org.semiont.server.health.Readiness;
import org.semiont.server.web.HttpSettings;
import org.semiont.server.web.HttpServer;
import org.semiont.server.web.ReservedPort;
import org.semiont.server.metrics.MetricsRoutes;
import org.semiont.server.metrics.MetricsSettings;
import org.semiont.server.metrics.ServerMetrics;
import org.semiont.server.projection.ProjectionLock;
import org.semiont.server.store.ApplicationSchema;
import org.semiont.server.store.SchemaState;
import org.semiont.server.store.StartupSchemaSync;
import org.semiont.server.store.TeamSchema;
import org.semiont.server.db.TargetSchemaDatabase;
import org.semiont.server.api.StandardProjections;
import org.semiont.server.projection.ProjectionMaintenance;
import org.semiont.schema.SchemaEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root of {@code semiont start}: owns the data dir, the database, the pools and the
 * HTTP server, and stops them in reverse order.
 */
public final class ServerApp implements AutoCloseable {
    static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(2);
    /** How long a start waits for a database that is starting too, or slow to answer on a busy machine. */
    static final Duration START_PATIENCE = Duration.ofSeconds(30);
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(6);
    static final Duration CATCH_UP_TIMEOUT = Duration.ofMinutes(10);
    /** How often the projections lock's session is checked (and the lock taken again after a database restart). */
    static final Duration LOCK_CHECK_INTERVAL = Duration.ofSeconds(10);
    /** Prometheus and a person with curl: a handful of connections is plenty for the management port. */
    static final int MANAGEMENT_CONNECTIONS = 32;
    private static final Logger log = LoggerFactory.getLogger(ServerApp.class);
    private final ServerConfig config;
    private final String schemaText;
    private final Environment environment;
    private final java.util.List<ServerExtension> extensions;
    private volatile SchemaState schemaState = SchemaState.inSync();
    private volatile String resolvedSchema;
    private final Readiness readiness = new Readiness();
    private final HealthDetails healthDetails = new HealthDetails();
    private final Resources resources = new Resources();
    private HttpServer http;
    private HttpServer management;
    private ServerMetrics metrics = ServerMetrics.disabled();
    private volatile ApiModule api;
    private DatabaseRuntime database;

    /** Held from construction until the connector binds, when the configuration asked for any free port. */
    private final ReservedPort reservedPort;

    private ServerApp(ServerConfig config, String schemaText, Environment environment, java.util.List<ServerExtension> extensions) {
        this.extensions = java.util.List.copyOf(extensions);
        this.reservedPort = config.port() == 0 ? ReservedPort.on(config.host()) : null;
        this.config = reservedPort == null ? config : config.withPort(reservedPort.port());
        this.schemaText = schemaText;
        this.environment = environment;
    }

    /** Starts everything with the bundled application schema; on failure, stops what was started and rethrows. */
    public static ServerApp start(ServerConfig config) {
        return start(config, ApplicationSchema.text());
    }

    /** Starts with the given schema text instead of the bundled one (tests of schema evolution). */
    public static ServerApp start(ServerConfig config, String schemaText) {
        return start(config, schemaText, Environment.system());
    }

    /** Starts with an explicit environment for the API's settings (JWT_SECRET, ENABLE_LOCAL_AUTH, …): tests. */
    public static ServerApp start(ServerConfig config, Environment environment) {
        return start(config, ApplicationSchema.text(), environment);
    }

    /** As {@link #start(ServerConfig, Environment)}, with routes of programs composed around the server (the studio). */
    public static ServerApp start(ServerConfig config, Environment environment, java.util.List<ServerExtension> extensions) {
        return start(config, ApplicationSchema.text(), environment, extensions);
    }

    private static ServerApp start(ServerConfig config, String schemaText, Environment environment) {
        return start(config, schemaText, environment, java.util.List.of());
    }

    private static ServerApp start(ServerConfig config, String schemaText, Environment environment,
                                   java.util.List<ServerExtension> extensions) {
        ServerApp app = new ServerApp(config, schemaText, environment, extensions);
        try {
            app.startUp();
            return app;
        } catch (RuntimeException | Error e) {
            boolean interrupted = Thread.interrupted(); // closing must not meet the stop request's interrupt
            app.close();
            if (interrupted && !(e instanceof StartCancelled)) {
                throw new StartCancelled();
            }
            throw e;
        }
    }

    private void startUp() {
        PhaseTimer timer = new PhaseTimer();
        HttpSettings httpSettings = HttpSettings.from(environment, config.baseUrl(), config.limits().maxConnections());
        MetricsSettings metricsSettings = MetricsSettings.from(environment);
        if (metricsSettings.enabled()) {
            metrics = resources.add(ServerMetrics.create(Clock.systemUTC()));
        }
        ClassWarmup.startInBackground();
        DataDirLayout layout = new DataDirLayout(config.dataDir());
        resources.add(lockDataDir(layout));
        database = resources.add(DatabaseRuntime.forServer(config.database(), layout));
        timer.mark("database");
        stopIfInterrupted();
        HikariDataSource pool = resources.add(ConnectionPools.application(database.target(), config.pool()));
        HikariDataSource healthPool = resources.add(ConnectionPools.health(database.target(), HEALTH_TIMEOUT));
        DatabaseProbe probe = new DatabaseProbe(healthPool, HEALTH_TIMEOUT);
        metrics.bindPool(pool);
        if (metrics.enabled()) {
            metrics.bindPostgres(resources.add(ConnectionPools.monitoring(database.target(), HEALTH_TIMEOUT)));
        }
        requireReachable(probe);
        // before the schema push: a server refused here has changed nothing in a database another one uses
        ProjectionLock projectionsLock = resources.add(ProjectionLock.acquire(
                () -> ConnectionPools.dedicated(database.target(), "start")).keepEvery(LOCK_CHECK_INTERVAL));
        timer.mark("pools");
        schemaState = syncSchema();
        timer.mark("schema");
        stopIfInterrupted();
        HealthRoutes health = new HealthRoutes(readiness, probe, SemiontVersion.VERSION, config.environment(),
                () -> schemaState, () -> projectionsLock.takenByAnother()
                        .or(() -> api == null ? Optional.empty() : api.writesBlocked()), Clock.systemUTC(), healthDetails);
        EventLog events = resources.add(EventLog.open(layout.root(), EventLogOptions.defaults(), metrics.commitObserver()));
        api = resources.add(new ApiModule(pool, events, config, AuthSettings.from(environment, config), Json.mapper(),
                Clock.systemUTC(), () -> schemaState.status().label()));
        metrics.bindEventLog(events);
        metrics.bindProjector(api.projector(), events);
        metrics.bindEventStreams(api::eventStreamClients);
        try {
            api.start(CATCH_UP_TIMEOUT);
        } catch (IllegalStateException e) {
            stopIfInterrupted();
            throw e;
        }
        timer.mark("events and projections");
        stopIfInterrupted();
        if (reservedPort != null) {
            reservedPort.close();
        }
        long descriptors = ConnectionLimits.processDescriptorLimit();
        if (!config.limits().fits(descriptors)) {
            log.warn("The open-file limit ({}) leaves too little room for {} connections next to the event log's files: "
                    + "raise 'ulimit -n' (or lower {})", descriptors, config.limits().maxConnections(), ConnectionLimits.VARIABLE);
        }
        http = HttpServer.start(config.host(), config.port(), Json.mapper(), STOP_TIMEOUT, httpSettings,
                metrics.requestObserver(), routes -> {
                    health.register(routes);
                    metricsSettings.token().ifPresent(t -> MetricsRoutes.withToken(metrics, t).register(routes));
                    api.register(routes);
                    extensions.forEach(e -> e.register(routes, this));
                });
        resources.add(http::stop);
        startManagement(metricsSettings);
        resources.add(api::stopStreams);
        resources.add(ServerAddress.publish(config.dataDir(), url()));
        timer.mark("http");
        readiness.ready();
        log.info("Semiont {} listening on {} (database: {}); started in {}", SemiontVersion.VERSION, url(),
                database.description(), timer.summary());
    }

    private SchemaState syncSchema() {
        SchemaEngine engine = new SchemaEngine(new TargetSchemaDatabase(database.target()), StartupSchemaSync.engineOptions());
        String text = TeamSchema.resolve(config.schema(), schemaText, engine, StandardProjections.rebuiltTables());
        resolvedSchema = text;
        return new StartupSchemaSync(engine, config.schema(),
                config.embeddedDatabase(), config.dataDir()).sync(text);
    }

    /**
     * {@code /metrics} on a port of its own, when one is configured. It answers scrapers, not browsers, and often by an
     * address rather than a name, so any Host is served; it has no CORS and only metrics to read.
     */
    private void startManagement(MetricsSettings settings) {
        if (settings.managementPort().isEmpty()) {
            return;
        }
        management = HttpServer.start(settings.managementHost(), settings.managementPort().get(), Json.mapper(), STOP_TIMEOUT,
                HttpSettings.permissive(MANAGEMENT_CONNECTIONS), routes -> MetricsRoutes.open(metrics).register(routes));
        resources.add(management::stop);
        log.info("Metrics served on http://{}:{}{}", settings.managementHost(), management.port(), MetricsRoutes.PATH);
    }

    /**
     * A start-up interrupted by a stop request (SIGTERM or Ctrl-C before the server was ready: {@code semiont start}
     * interrupts the starting thread) ends here, and what was started is stopped in reverse order.
     */
    public static final class StartCancelled extends RuntimeException {
        StartCancelled() {
            super("The start was cancelled by a stop request", null, false, false);
        }
    }

    private static void stopIfInterrupted() {
        if (Thread.interrupted()) {
            throw new StartCancelled();
        }
    }

    private static DataDirLock lockDataDir(DataDirLayout layout) {
        try {
            return DataDirLock.tryAcquire(layout.root(), "semiont start").orElseThrow(() -> new ConfigException(
                    "Data dir " + layout.root() + " is already in use by "
                            + DataDirLock.readOwner(layout.root()).map(DataDirLock.Owner::describe).orElse("another process")
                            + ". Stop that process first, or use another --data-dir."));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot lock data dir " + layout.root() + ": " + e.getMessage(), e);
        }
    }

    private void requireReachable(DatabaseProbe probe) {
        DatabaseProbe.Result r = probe.awaitUp(START_PATIENCE, Duration.ofMillis(500), () -> log.info(
                "Waiting up to {} s for the database {} to answer", START_PATIENCE.toSeconds(), database.description()));
        stopIfInterrupted();
        if (!r.up()) {
            throw new ConfigException("Cannot reach the database " + database.description() + ": " + r.reason());
        }
    }

    public String url() {
        return "http://" + (config.host().contains(":") ? "[" + config.host() + "]" : config.host()) + ":" + port();
    }

    public int port() {
        return http.port();
    }

    /** The HTTP routes, {@code "METHOD path"} each. */
    public java.util.List<String> routes() {
        return http.routes();
    }

    /** The management port serving {@code /metrics}, if one was configured. */
    public Optional<Integer> managementPort() {
        return Optional.ofNullable(management).map(HttpServer::port);
    }

    /** Sections features add to {@code /api/health} (each answers from memory). */
    public HealthDetails healthDetails() {
        return healthDetails;
    }

    /** The server's metrics (disabled unless SEMIONT_METRICS_TOKEN or SEMIONT_MANAGEMENT_PORT is set). */
    public ServerMetrics metrics() {
        return metrics;
    }

    public ServerConfig config() {
        return config;
    }

    /** Where the database is (no password in {@code toString}). */
    public org.semiont.server.config.DatabaseTarget databaseTarget() {
        return database.target();
    }

    /** The knowledge-base API (projector, maintenance, event log). */
    public ApiModule api() {
        return api;
    }

    /** The schema this server brought the database to: the team's {@code --schema} if given, else the bundled one. */
    public String schemaText() {
        return resolvedSchema;
    }

    public SchemaState schemaState() {
        return schemaState;
    }

    public String databaseDescription() {
        return database.description();
    }

    /** Stops accepting requests, lets in-flight ones finish, closes pools, stops the embedded database. */
    @Override
    public void close() {
        readiness.stopping();
        resources.closeAll();
        if (reservedPort != null) {
            reservedPort.close();
        }
    }
}

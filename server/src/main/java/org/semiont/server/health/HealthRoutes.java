package org.semiont.server.health;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.semiont.server.logging.LogTimestamps;
import org.semiont.server.store.SchemaState;

/**
 * {@code /api/health} (always 200, the original Semiont's body; {@code degraded} when the database is unreachable or
 * writes are blocked), {@code /api/health/live} and {@code /api/health/ready} (200 or 503 with a JSON reason: a server
 * whose event log stopped still serves reads, but takes no writes until restarted, so it is not ready).
 */
public final class HealthRoutes {
    private final Readiness readiness;
    private final DatabaseProbe probe;
    private final String version;
    private final String environment;
    private final Supplier<SchemaState> schemaState;
    private final Supplier<Optional<String>> writesBlocked;
    private final Clock clock;
    private final HealthDetails details;

    /** @param writesBlocked why writes cannot succeed now (the event log stopped, the projection stalls), if so */
    public HealthRoutes(Readiness readiness, DatabaseProbe probe, String version, String environment,
                        Supplier<SchemaState> schemaState, Supplier<Optional<String>> writesBlocked, Clock clock) {
        this(readiness, probe, version, environment, schemaState, writesBlocked, clock, new HealthDetails());
    }

    /** @param details sections other features add to the {@code /api/health} body */
    public HealthRoutes(Readiness readiness, DatabaseProbe probe, String version, String environment,
                        Supplier<SchemaState> schemaState, Supplier<Optional<String>> writesBlocked, Clock clock,
                        HealthDetails details) {
        this.details = details;
        this.writesBlocked = writesBlocked;
        this.readiness = readiness;
        this.probe = probe;
        this.version = version;
        this.environment = environment;
        this.schemaState = schemaState;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/health", this::health);
        routes.get("/api/health/live", this::live);
        routes.get("/api/health/ready", this::ready);
        // HEAD answers as GET would (Javalin's own HEAD would say 200 whatever the state)
        routes.head("/api/health", this::health);
        routes.head("/api/health/live", this::live);
        routes.head("/api/health/ready", this::ready);
    }

    private void health(Context ctx) {
        boolean up = probe.probe().up();
        Optional<String> blocked = writesBlocked.get();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up && blocked.isEmpty() ? "operational" : "degraded");
        body.put("message", !up ? "Semiont API is running but the database is unreachable"
                : blocked.map(b -> "Semiont API is running but takes no writes: " + b).orElse("Semiont API is running"));
        body.put("version", version);
        body.put("timestamp", LogTimestamps.format(clock.instant()));
        body.put("database", up ? "connected" : "disconnected");
        body.put("environment", environment);
        SchemaState schema = schemaState.get();
        body.put("schema", schema.status().label());
        // a count, not names: this route answers anyone, and the names are the team's business ('semiont db status')
        body.put("foreignObjects", schema.foreignObjects().size());
        body.put("writes", blocked.isEmpty() ? "ok" : "blocked");
        blocked.ifPresent(b -> body.put("writesBlockedBy", b));
        details.read().forEach(body::putIfAbsent);
        ctx.json(body);
    }

    private void live(Context ctx) {
        ctx.json(Map.of("status", "live"));
    }

    private void ready(Context ctx) {
        if (readiness.phase() != Readiness.Phase.READY) {
            notReady(ctx, readiness.phase() == Readiness.Phase.STARTING ? "starting" : "stopping");
            return;
        }
        DatabaseProbe.Result r = probe.probe();
        if (!r.up()) {
            notReady(ctx, r.reason());
            return;
        }
        Optional<String> blocked = writesBlocked.get();
        if (blocked.isPresent()) {
            notReady(ctx, blocked.get());
            return;
        }
        ctx.json(Map.of("status", "ready", "database", "connected"));
    }

    private static void notReady(Context ctx, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "not-ready");
        body.put("error", "Not ready: " + reason);
        body.put("code", "NOT_READY");
        body.put("reason", reason);
        ctx.status(503).json(body);
    }
}

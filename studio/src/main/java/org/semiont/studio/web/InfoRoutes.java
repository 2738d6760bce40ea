package org.semiont.studio.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.semiont.studio.metrics.KeyMetrics;

/**
 * The schema page ({@code db pull} and {@code db status} of the live database) and the health page ({@code /api/health}
 * and key metrics from the server's registry).
 */
final class InfoRoutes {
    private final Frame frame;
    private final Supplier<SchemaReport> schema;
    private final Supplier<String> health;
    private final Supplier<List<Pages.Fact>> facts;
    private final Supplier<Optional<List<KeyMetrics.Metric>>> metrics;

    InfoRoutes(Frame frame, Supplier<SchemaReport> schema, Supplier<String> health, Supplier<List<Pages.Fact>> facts,
               Supplier<Optional<List<KeyMetrics.Metric>>> metrics) {
        this.frame = frame;
        this.schema = schema;
        this.health = health;
        this.facts = facts;
        this.metrics = metrics;
    }

    void register(RoutesConfig routes) {
        routes.get(frame.base + "/schema", this::schema);
        routes.get(frame.base + "/health", this::health);
    }

    private void schema(Context ctx) {
        Pages.Schema page;
        try {
            SchemaReport r = schema.get();
            page = new Pages.Schema(frame.chrome(ctx, "Schema", "schema"), r.pulled(), r.warnings(), r.differences().isEmpty(),
                    r.differences(), r.statements(), null);
        } catch (RuntimeException e) {
            page = new Pages.Schema(frame.chrome(ctx, "Schema", "schema"), "", List.of(), true, List.of(), List.of(),
                    "Cannot read the schema: " + e.getMessage());
        }
        frame.views.render(ctx, "schema.jte", page);
    }

    private void health(Context ctx) {
        frame.views.render(ctx, "health.jte", new Pages.Health(frame.chrome(ctx, "Health", "health"),
                BrowseRoutes.pretty(health.get()), facts.get(), metrics.get().orElse(null)));
    }
}

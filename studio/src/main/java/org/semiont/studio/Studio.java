package org.semiont.studio;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.semiont.schema.DiffResult;
import org.semiont.schema.EngineOptions;
import org.semiont.schema.SchemaEngine;
import org.semiont.schema.pull.PullResult;
import org.semiont.server.ServerApp;
import org.semiont.server.ServerExtension;
import org.semiont.server.api.DomainServices;
import org.semiont.server.db.TargetSchemaDatabase;
import org.semiont.server.store.ApplicationSchema;
import org.semiont.studio.browse.Catalog;
import org.semiont.studio.metrics.KeyMetrics;
import org.semiont.studio.web.Pages;
import org.semiont.studio.web.SchemaReport;
import org.semiont.studio.web.StudioRoutes;

/**
 * The studio as an extension of a running server: {@code semiont studio} and {@code SEMIONT_STUDIO=on} both add it
 * to {@link ServerApp} at {@link #BASE}. It reads the live schema and the event log of that server, and edits through
 * its domain services.
 */
public final class Studio {
    public static final String BASE = "/studio";

    private Studio() {
    }

    public static ServerExtension extension(boolean readOnly) {
        return (routes, app) -> routes(app, readOnly).register(routes);
    }

    static StudioRoutes routes(ServerApp app, boolean readOnly) {
        DomainServices domain = app.api().services();
        Catalog catalog = new Catalog(domain.pool(), bundledTables(app));
        return new StudioRoutes(BASE, readOnly, domain, catalog, Clock.systemUTC(), () -> schemaReport(app),
                () -> health(app), () -> facts(app, readOnly), () -> app.metrics().registry().map(KeyMetrics::read));
    }

    private static SchemaEngine engine(ServerApp app) {
        return new SchemaEngine(new TargetSchemaDatabase(app.databaseTarget()), EngineOptions.defaults());
    }

    static Set<String> bundledTables(ServerApp app) {
        return engine(app).target(ApplicationSchema.FILE_NAME, ApplicationSchema.text()).sql().tables().stream()
                .map(t -> t.name()).collect(Collectors.toSet());
    }

    static SchemaReport schemaReport(ServerApp app) {
        SchemaEngine engine = engine(app);
        String running = app.schemaText() == null ? ApplicationSchema.text() : app.schemaText();
        PullResult pulled = engine.pull(Optional.of(running));
        DiffResult diff = engine.diff(ApplicationSchema.FILE_NAME, running);
        return new SchemaReport(pulled.psl(), pulled.warnings(), diff.differences(), diff.statements());
    }

    static String health(ServerApp app) {
        try {
            HttpResponse<String> r = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build().send(
                    HttpRequest.newBuilder(URI.create(app.url() + "/api/health")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.body();
        } catch (java.io.IOException e) {
            return "{\"error\": \"" + e.getMessage() + "\"}";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "{\"error\": \"interrupted\"}";
        }
    }

    static List<Pages.Fact> facts(ServerApp app, boolean readOnly) {
        return List.of(new Pages.Fact("database", app.databaseDescription()),
                new Pages.Fact("event log position", String.valueOf(app.api().events().lastPosition())),
                new Pages.Fact("projection applied up to", String.valueOf(app.api().projector().appliedPosition())),
                new Pages.Fact("schema", app.schemaState().status().label()),
                new Pages.Fact("studio mode", readOnly ? "read-only" : "read-write (admins)"));
    }
}

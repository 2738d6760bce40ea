package org.semiont.studio.web;

import io.javalin.config.RoutesConfig;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.semiont.server.api.DomainServices;
import org.semiont.studio.StudioException;
import org.semiont.studio.auth.Gate;
import org.semiont.studio.auth.StudioSessions;
import org.semiont.studio.browse.Catalog;
import org.semiont.studio.browse.RowReader;
import org.semiont.studio.browse.TableReader;
import org.semiont.studio.browse.Transactions;
import org.semiont.studio.edit.DomainEditor;
import org.semiont.studio.edit.OwnRowEditor;
import org.semiont.studio.events.LogBrowser;
import org.semiont.studio.events.RowEvents;
import org.semiont.studio.events.VerifyRuns;
import org.semiont.studio.history.RowHistories;
import org.semiont.studio.metrics.KeyMetrics;

/** Every studio route under {@code base}, behind the {@link Gate}. */
public final class StudioRoutes {
    private final String base;
    private final Gate gate;
    private final Frame frame;
    private final List<java.util.function.Consumer<RoutesConfig>> sets;

    public StudioRoutes(String base, boolean readOnly, DomainServices domain, Catalog catalog, Clock clock,
                        Supplier<SchemaReport> schema, Supplier<String> health, Supplier<List<Pages.Fact>> facts,
                        Supplier<Optional<List<KeyMetrics.Metric>>> metrics) {
        this.base = base;
        StudioSessions sessions = new StudioSessions(clock);
        this.gate = new Gate(sessions, domain.directory(), base);
        this.frame = new Frame(base, readOnly, new Views());
        Transactions tx = new Transactions(domain.pool(), readOnly);
        RowReader rows = new RowReader(tx);
        this.sets = List.of(
                new StaticRoutes(base)::register,
                new SignInRoutes(frame, gate, sessions, domain.passwords())::register,
                new BrowseRoutes(frame, catalog, new TableReader(tx), rows, new RowEvents(domain.events()),
                        new TimeSlider(base, new RowHistories(domain.events())))::register,
                new EditRoutes(frame, catalog, rows, new OwnRowEditor(tx), new DomainEditor(domain))::register,
                new LogRoutes(frame, new LogBrowser(domain.events()), VerifyRuns.background(domain.events()))::register,
                new InfoRoutes(frame, schema, health, facts, metrics)::register);
    }

    public void register(RoutesConfig routes) {
        routes.before(base, gate::before);
        routes.before(base + "/*", gate::before);
        routes.exception(StudioException.class, frame::refuse);
        sets.forEach(s -> s.accept(routes));
    }
}

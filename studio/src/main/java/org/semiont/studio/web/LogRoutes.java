package org.semiont.studio.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.semiont.events.VerifyReport;
import org.semiont.studio.StudioError;
import org.semiont.studio.StudioException;
import org.semiont.studio.events.EventRow;
import org.semiont.studio.events.LogBrowser;
import org.semiont.studio.events.VerifyRun;
import org.semiont.studio.events.VerifyRuns;

/**
 * The log page (streams, events filtered by stream, type, user and time) and {@code events verify}, run in the
 * background with a page that shows its progress (reloading itself while it runs) and then its result.
 */
final class LogRoutes {
    private final Frame frame;
    /** How often the verify page reloads itself while a run goes on. */
    static final int REFRESH_SECONDS = 1;
    private final LogBrowser log;
    private final VerifyRuns verifies;

    LogRoutes(Frame frame, LogBrowser log, VerifyRuns verifies) {
        this.frame = frame;
        this.log = log;
        this.verifies = verifies;
    }

    void register(RoutesConfig routes) {
        routes.get(frame.base + "/log", this::show);
        routes.post(frame.base + "/log/verify", this::startVerify);
        routes.get(frame.base + "/log/verify", this::verifyProgress);
    }

    /** Starts a verification, or joins the one running, and sends the browser to watch it. */
    private void startVerify(Context ctx) {
        verifies.startOrJoin();
        ctx.redirect(frame.base + "/log/verify", io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private void verifyProgress(Context ctx) {
        Optional<VerifyRun.Progress> p = verifies.current().map(r -> r.progress(verifies.now()));
        Chrome chrome = frame.chrome(ctx, "events verify", "log");
        if (p.isPresent() && !p.get().done()) {
            chrome = chrome.refreshingEvery(REFRESH_SECONDS);
        }
        String result = null;
        List<String> defects = new ArrayList<>();
        if (p.isPresent() && p.get().report() != null) {
            VerifyReport report = p.get().report();
            result = (report.clean() ? "Clean: " : report.defects().size() + " defects: ") + report.streams() + " streams, "
                    + report.events() + " events, " + report.bytes() + " bytes verified in " + report.nanos() / 1_000_000 + " ms";
            report.defects().stream().limit(100).forEach(d -> defects.add(d.toString()));
        } else if (p.isPresent() && p.get().failure() != null) {
            result = "Verification failed: " + p.get().failure();
        }
        frame.views.render(ctx, "verify.jte", new Pages.Verify(chrome, p.orElse(null), eta(p.orElse(null)), result, defects));
    }

    static String eta(VerifyRun.Progress p) {
        if (p == null || p.done()) {
            return "";
        }
        if (p.etaSeconds() < 0) {
            return "estimating…";
        }
        long s = p.etaSeconds();
        return s < 60 ? "about " + s + " s left" : "about " + (s / 60) + " min " + (s % 60) + " s left";
    }

    private void show(Context ctx) {
        String stream = param(ctx, "stream");
        String type = param(ctx, "type");
        String user = param(ctx, "user");
        String from = param(ctx, "from");
        String to = param(ctx, "to");
        long before = 0;
        if (!param(ctx, "before").isEmpty()) {
            try {
                before = Long.parseLong(param(ctx, "before"));
            } catch (NumberFormatException e) {
                throw new StudioException(StudioError.INVALID_REQUEST, "before must be a global position");
            }
        }
        List<EventRow> events = log.events(new LogBrowser.EventFilter(stream, type, user, time(from, "from"), time(to, "to")), before);
        String older = null;
        if (stream.isEmpty() && events.size() == LogBrowser.PAGE) {
            long oldest = events.get(events.size() - 1).position();
            older = frame.base + "/log" + Urls.query(List.of(new Urls.Param("type", type), new Urls.Param("user", user),
                    new Urls.Param("from", from), new Urls.Param("to", to), new Urls.Param("before", String.valueOf(oldest - 1))));
        }
        Optional<VerifyRun.Progress> last = verifies.current().map(r -> r.progress(verifies.now()));
        String lastVerify = last.map(p -> !p.done() ? "running (" + p.percent() + " %)" : p.clean() ? "clean"
                : p.report() != null ? p.report().defects().size() + " defects" : "failed").orElse(null);
        frame.views.render(ctx, "log.jte", new Pages.Log(frame.chrome(ctx, "Event log", "log"), log.streams(), events, stream,
                type, user, from, to, log.lastPosition(), older, lastVerify));
    }

    private static String param(Context ctx, String name) {
        String v = ctx.formParam(name) == null ? ctx.queryParam(name) : ctx.formParam(name);
        return v == null ? "" : v.trim();
    }

    private static Instant time(String s, String name) {
        if (s.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw new StudioException(StudioError.INVALID_REQUEST, name + " must be an ISO-8601 time such as 2026-01-31T12:00:00Z");
        }
    }
}

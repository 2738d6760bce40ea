package org.semiont.studio.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.semiont.events.VerifyReport;
import org.semiont.studio.StudioError;
import org.semiont.studio.StudioException;
import org.semiont.studio.events.EventRow;
import org.semiont.studio.events.LogBrowser;

/** The log page: streams, events filtered by stream, type, user and time, and an {@code events verify} run. */
final class LogRoutes {
    private final Frame frame;
    private final LogBrowser log;

    LogRoutes(Frame frame, LogBrowser log) {
        this.frame = frame;
        this.log = log;
    }

    void register(RoutesConfig routes) {
        routes.get(frame.base + "/log", ctx -> show(ctx, null));
        routes.post(frame.base + "/log/verify", this::verify);
    }

    private void verify(Context ctx) {
        VerifyReport r = log.verify();
        show(ctx, r);
    }

    private void show(Context ctx, VerifyReport report) {
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
        String result = null;
        List<String> defects = new ArrayList<>();
        if (report != null) {
            result = (report.clean() ? "Clean: " : report.defects().size() + " defects: ") + report.streams() + " streams, "
                    + report.events() + " events, " + report.bytes() + " bytes verified in " + report.nanos() / 1_000_000 + " ms";
            report.defects().stream().limit(100).forEach(d -> defects.add(d.toString()));
        }
        frame.views.render(ctx, "log.jte", new Pages.Log(frame.chrome(ctx, "Event log", "log"), log.streams(), events, stream,
                type, user, from, to, log.lastPosition(), older, result, defects));
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

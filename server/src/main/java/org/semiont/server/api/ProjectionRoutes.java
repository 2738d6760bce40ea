package org.semiont.server.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import org.semiont.events.EventLog;
import org.semiont.server.auth.Authenticator;
import org.semiont.server.auth.Principal;
import org.semiont.server.error.DomainException;
import org.semiont.server.logging.LogTimestamps;
import org.semiont.server.projection.BlockedEvent;
import org.semiont.server.projection.ProjectionSkips;
import org.semiont.server.projection.Projector;
import org.semiont.server.projection.SkippedEvents;
import org.semiont.server.web.Requests;
import org.semiont.server.web.SecuredRoutes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /api/admin/projections}: where the projection stands, the event it is stopped at (if any), and the
 * operator's decision to leave such an event out ({@code semiont projections status|skip} call these).
 */
final class ProjectionRoutes {
    private static final Logger log = LoggerFactory.getLogger(ProjectionRoutes.class);
    private final Projector projector;
    private final EventLog events;
    private final ProjectionSkips skips;
    private final Requests requests;

    ProjectionRoutes(Projector projector, EventLog events, ProjectionSkips skips, Requests requests) {
        this.projector = projector;
        this.events = events;
        this.skips = skips;
        this.requests = requests;
    }

    void register(SecuredRoutes routes) {
        routes.get("/api/admin/projections", this::status);
        routes.post("/api/admin/projections/skip", this::skip);
    }

    private void status(Context ctx) {
        Authenticator.requireAdmin(ctx);
        ctx.json(status(projector, events.lastPosition()));
    }

    /** The shape {@code semiont projections status --json} prints. */
    static ObjectNode status(Projector projector, long logPosition) {
        ObjectNode out = JsonNodeFactory.instance.objectNode().put("appliedPosition", projector.appliedPosition())
                .put("logPosition", logPosition).put("lag", Math.max(0, logPosition - projector.appliedPosition()));
        out.set("blocked", projector.blocked().map(ProjectionRoutes::blocked).orElse(null));
        ArrayNode skipped = out.putArray("skipped");
        projector.skips().all().forEach(d -> skipped.add(decision(d)));
        return out;
    }

    private static ObjectNode blocked(BlockedEvent b) {
        return JsonNodeFactory.instance.objectNode().put("position", b.position()).put("eventId", b.eventId())
                .put("streamId", b.streamId()).put("type", b.type()).put("failure", b.failure())
                .put("since", LogTimestamps.format(b.since())).put("attempts", b.attempts()).put("command", b.command());
    }

    static ObjectNode decision(SkippedEvents.Decision d) {
        return JsonNodeFactory.instance.objectNode().put("position", d.position()).put("eventId", d.eventId())
                .put("streamId", d.streamId()).put("type", d.type()).put("reason", d.reason()).put("by", d.by())
                .put("at", LogTimestamps.format(d.at()));
    }

    private void skip(Context ctx) {
        Principal p = Authenticator.requireAdmin(ctx);
        ObjectNode body = requests.object(ctx);
        Requests.requireOnly(body, java.util.List.of("position", "reason"), "A skip");
        if (!body.path("position").canConvertToExactIntegral() || body.path("position").asLong() < 1) {
            throw DomainException.invalid("VALIDATION_FAILED", "position must be a global log position (an integer >= 1)");
        }
        long position = body.get("position").asLong();
        SkippedEvents.Decision d;
        try {
            d = skips.skip(position, body.path("reason").isTextual() ? body.get("reason").asText() : null, p.userId(),
                    projector.appliedPosition(), projector.skips());
        } catch (ProjectionSkips.Refused e) {
            throw switch (e.why()) {
                case INVALID_REASON -> DomainException.invalid("VALIDATION_FAILED", e.getMessage());
                case NO_SUCH_EVENT -> DomainException.notFound(e.getMessage());
                case ALREADY_PROJECTED, ALREADY_SKIPPED -> DomainException.conflict(e.getMessage());
            };
        }
        projector.skip(d);
        log.warn("{} decided to leave the event at global position {} ({} in stream {}) out of the projections: {}",
                p.email(), d.position(), d.type(), d.streamId(), d.reason());
        ObjectNode out = JsonNodeFactory.instance.objectNode().put("success", true);
        out.set("skipped", decision(d));
        ctx.json(out);
    }
}

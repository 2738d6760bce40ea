package org.semiont.server.web;

import io.javalin.config.RoutesConfig;
import java.time.Duration;
import org.semiont.events.EventsException;
import org.semiont.events.WrongExpectedVersionException;
import org.semiont.server.logging.Throttled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Event-log failures in the API's one error shape: conflicts are 409, bad stream ids 400, the rest 503. */
public final class EventLogErrors {
    private static final Logger log = LoggerFactory.getLogger(EventLogErrors.class);

    private EventLogErrors() {
    }

    public static void register(RoutesConfig routes) {
        // the log's own failure is logged once, with its cause, where it happened (Committer); refusals are not news
        Throttled refusedAfterStop = new Throttled(Duration.ofMinutes(1));
        Throttled otherFailures = new Throttled(Duration.ofMinutes(1));
        routes.exception(WrongExpectedVersionException.class, (e, ctx) -> ErrorMapper.respond(ctx, 409,
                ApiError.CONFLICT.name(), e.getMessage(), null));
        routes.exception(EventsException.class, (e, ctx) -> {
            switch (e.error()) {
                case INVALID_STREAM_ID, INVALID_EVENT, STREAM_NOT_FOUND -> ErrorMapper.respond(ctx, 404,
                        ApiError.NOT_FOUND.name(), "Not found: " + e.getMessage(), null);
                case LOG_CLOSED -> ErrorMapper.respond(ctx, 503, ApiError.SERVICE_UNAVAILABLE.name(),
                        "The server is shutting down and takes no more writes; nothing was changed. Retry once it is back.", null);
                case LOG_FAILED -> {
                    long skipped = refusedAfterStop.admit();
                    if (skipped != Throttled.SUPPRESSED) {
                        log.warn("Refused {} {}: the event log stopped after a storage failure (the ERROR 'event log commit "
                                + "failed' has the cause); restart the server{}", ctx.method(), ctx.path(), refusedAfterStop.since(skipped));
                    }
                    // the append that met the failure may already be durable in the global log (recovered on restart),
                    // so "nothing was changed" would not be true of it
                    ErrorMapper.respond(ctx, 503, ApiError.SERVICE_UNAVAILABLE.name(), "The event log stopped after a "
                            + "storage failure and takes no writes until the server is restarted (its log has the cause). "
                            + "A change being written as it stopped is either absent or restored by the restart: read it "
                            + "back before retrying.", null);
                }
                default -> {
                    long skipped = otherFailures.admit();
                    if (skipped != Throttled.SUPPRESSED) {
                        log.error("Event log failure on {} {}{}", ctx.method(), ctx.path(), otherFailures.since(skipped), e);
                    }
                    ErrorMapper.respond(ctx, 503, ApiError.SERVICE_UNAVAILABLE.name(),
                            "The event log cannot take writes right now; nothing was changed. Retry later.", null);
                }
            }
        });
    }
}

package org.semiont.server.web;

import io.javalin.config.RoutesConfig;
import org.semiont.server.error.DomainException;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpException;
import org.semiont.server.db.DatabaseOutage;
import org.semiont.server.logging.Throttled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One JSON error shape for every failure: {@code {"error": message, "code": STABLE_CODE, "details"?}}.
 * Unexpected exceptions become a generic 500; their stack trace goes to the log only.
 */
public final class ErrorMapper {
    private static final Logger log = LoggerFactory.getLogger(ErrorMapper.class);
    static final int MAX_MESSAGE = 2000;
    static final int MAX_DETAILS = 20;

    private ErrorMapper() {
    }

    public static void register(RoutesConfig routes) {
        // every request fails alike while the database is away: one line a minute, not one per request
        Throttled outageLines = new Throttled(Duration.ofMinutes(1));
        routes.exception(ApiException.class, (e, ctx) -> respond(ctx, e.code().status(), e.code().name(), e.getMessage(), e.details()));
        routes.exception(DomainException.class, ErrorMapper::fromDomain);
        routes.exception(HttpResponseException.class, ErrorMapper::fromJavalin);
        routes.exception(Exception.class, (e, ctx) -> {
            HttpException refusal = jettyRefusal(e);
            if (refusal != null) {
                int status = beyondLimit(e) ? 413 : refusal.getCode();
                // Jetty will not read past a body it refused, so it closes the connection: say so, or a pooling client
                // sends its next request into a socket that is already gone
                ctx.header("Connection", "close");
                respond(ctx, status, ApiError.forStatus(status).name(), "The request cannot be read: " + describe(refusal, e), null);
                return;
            }
            Optional<String> outage = DatabaseOutage.in(e);
            if (outage.isPresent()) {
                databaseOutage(ctx, outage.get(), e, outageLines);
                return;
            }
            log.error("Unhandled error on {} {}", ctx.method(), ctx.path(), e);
            respond(ctx, 500, ApiError.INTERNAL_ERROR.name(), "Internal server error", null);
        });
    }

    /**
     * 503 with Retry-After. A write may have reached the event log before the database failed it (the projector
     * then applies it once the database is back), so only reads are told that nothing changed.
     */
    private static void databaseOutage(Context ctx, String what, Exception e, Throttled lines) {
        long skipped = lines.admit();
        if (skipped != Throttled.SUPPRESSED) {
            log.warn("Database unavailable on {} {}: {} ({}){}", ctx.method(), ctx.path(), what, e.toString(), lines.since(skipped));
        }
        boolean read = ctx.method() == HandlerType.GET || ctx.method() == HandlerType.HEAD;
        ctx.header("Retry-After", "5");
        respond(ctx, 503, ApiError.SERVICE_UNAVAILABLE.name(), "The database is unavailable right now (" + what + "); retry "
                + "shortly." + (read ? "" : " A change under way may have been stored: read it back before retrying."), null);
    }

    /**
     * Jetty's own refusal of what the client sent (a multipart body without its boundary or cut short, say), when a
     * read on the request raised one: the client's error, answered with Jetty's 4xx rather than a 500.
     */
    private static HttpException jettyRefusal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpException h && h.getCode() >= 400 && h.getCode() < 500) {
                return h;
            }
        }
        return null;
    }

    /** Jetty's multipart parser stopped at the size limit (it says 400 "bad multipart" with this cause). */
    private static boolean beyondLimit(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().startsWith("max length exceeded")) {
                return true;
            }
        }
        return false;
    }

    /** Jetty's reason and the innermost cause (the parser's own words), e.g. "bad multipart (unexpected EOF in CONTENT)". */
    private static String describe(HttpException refusal, Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String reason = refusal.getReason() == null ? "HTTP " + refusal.getCode() : refusal.getReason();
        String detail = root == refusal || root.getMessage() == null ? "" : " (" + root.getMessage() + ")";
        return Texts.abbreviate(reason + detail, 200);
    }

    private static void fromJavalin(HttpResponseException e, Context ctx) {
        int status = e.getStatus();
        if (status == 404) {
            respond(ctx, 404, ApiError.NOT_FOUND.name(), "Not found: " + ctx.method() + " " + ctx.path(), null);
            return;
        }
        if (status == 405) {
            // Javalin lists the path's methods as the one value of its details; HEAD is served wherever GET is
            String allowed = withHead(e.getDetails().values().stream().findFirst().orElse(""));
            if (!allowed.isBlank()) {
                ctx.header("Allow", allowed);
            }
            respond(ctx, 405, ApiError.METHOD_NOT_ALLOWED.name(), "Method " + ctx.method() + " is not allowed on "
                    + ctx.path() + (allowed.isBlank() ? "" : "; allowed: " + allowed), null);
            return;
        }
        ApiError code = ApiError.forStatus(status);
        respond(ctx, status, code.name(), e.getMessage() == null || e.getMessage().isBlank() ? code.name() : e.getMessage(), null);
    }

    private static String withHead(String methods) {
        List<String> list = new ArrayList<>(List.of(methods.split(",\\s*")));
        if (list.contains("GET") && !list.contains("HEAD")) {
            list.add(list.indexOf("GET") + 1, "HEAD");
        }
        return String.join(", ", list);
    }

    /** A throttled caller is told when to come back (RFC 6585: Retry-After with 429). */
    private static void fromDomain(DomainException e, Context ctx) {
        e.retryAfter().ifPresent(wait -> ctx.header("Retry-After", Long.toString(wait.toSeconds())));
        respond(ctx, status(e.kind()), e.code(), e.getMessage(), e.details());
    }

    /** The one place a domain failure gets its HTTP status. */
    static int status(DomainException.Kind kind) {
        return switch (kind) {
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case INVALID -> 400;
            case UNAVAILABLE -> 503;
            case UNAUTHENTICATED -> 401;
            case DENIED -> 403;
            case STALE -> 412;
            case VERSION_REQUIRED -> 428;
            case THROTTLED -> 429;
            case UNSUPPORTED -> 415;
            case UNACCEPTABLE -> 406;
            case TOO_LARGE -> 413;
            case CORRUPTED -> 500;
        };
    }

    public static void respond(Context ctx, int status, String code, String message, Object details) {
        if (status == 401) {
            // RFC 9110 11.6.1 and RFC 6750 3.1: a 401 names its scheme; a credential that was sent and refused is
            // an invalid_token
            ctx.header("WWW-Authenticate", "Bearer realm=\"semiont\""
                    + (ctx.header("Authorization") != null ? ", error=\"invalid_token\"" : ""));
        }
        ctx.header("X-Content-Type-Options", "nosniff").header("Content-Security-Policy", SecurityHeaders.CONTENT_SECURITY_POLICY);
        ctx.status(status).json(body(code, message, details));
    }

    /**
     * The error shape, for answers written outside Javalin too ({@link JettyErrors}). What an error echoes of a request
     * is bounded: the message at {@link #MAX_MESSAGE} characters, a list of details at {@link #MAX_DETAILS} entries.
     */
    static Map<String, Object> body(String code, String message, Object details) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", Texts.abbreviate(message, MAX_MESSAGE));
        body.put("code", code);
        if (details != null) {
            body.put("details", bounded(details));
        }
        return body;
    }

    private static Object bounded(Object details) {
        if (!(details instanceof List<?> list) || list.size() <= MAX_DETAILS) {
            return details;
        }
        List<Object> out = new ArrayList<>(list.subList(0, MAX_DETAILS));
        out.add("… and " + (list.size() - MAX_DETAILS) + " more");
        return out;
    }
}

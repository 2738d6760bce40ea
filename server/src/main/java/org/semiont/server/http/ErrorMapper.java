package org.semiont.server.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One JSON error shape for every failure: {@code {"error": message, "code": STABLE_CODE, "details"?}}.
 * Unexpected exceptions become a generic 500; their stack trace goes to the log only.
 */
public final class ErrorMapper {
    private static final Logger log = LoggerFactory.getLogger(ErrorMapper.class);

    private ErrorMapper() {
    }

    public static void register(RoutesConfig routes) {
        routes.exception(ApiException.class, (e, ctx) -> respond(ctx, e.code().status(), e.code().name(), e.getMessage(), e.details()));
        routes.exception(HttpResponseException.class, ErrorMapper::fromJavalin);
        routes.exception(Exception.class, (e, ctx) -> {
            log.error("Unhandled error on {} {}", ctx.method(), ctx.path(), e);
            respond(ctx, 500, ApiError.INTERNAL_ERROR.name(), "Internal server error", null);
        });
    }

    private static void fromJavalin(HttpResponseException e, Context ctx) {
        int status = e.getStatus();
        if (status == 404) {
            respond(ctx, 404, ApiError.NOT_FOUND.name(), "Not found: " + ctx.method() + " " + ctx.path(), null);
            return;
        }
        ApiError code = ApiError.forStatus(status);
        respond(ctx, status, code.name(), e.getMessage() == null || e.getMessage().isBlank() ? code.name() : e.getMessage(), null);
    }

    public static void respond(Context ctx, int status, String code, String message, Object details) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message);
        body.put("code", code);
        if (details != null) {
            body.put("details", details);
        }
        ctx.status(status).json(body);
    }
}

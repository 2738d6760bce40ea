package org.semiont.server.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import io.javalin.http.sse.SseClient;
import java.util.function.Consumer;

/**
 * Route registration where every route needs a valid token unless registered as public. Authentication
 * wraps the matched handler (not a path-wide before-filter), so an unknown path is still a plain 404.
 */
public final class SecuredRoutes {
    private final RoutesConfig routes;
    private final Handler authenticate;

    public SecuredRoutes(RoutesConfig routes, Handler authenticate) {
        this.routes = routes;
        this.authenticate = authenticate;
    }

    private Handler secured(Handler h) {
        return ctx -> {
            authenticate.handle(ctx);
            h.handle(ctx);
        };
    }

    /**
     * A GET route, and HEAD on the same path through the same handler and the same authentication: left to itself,
     * Javalin answers HEAD on a GET route with an empty 200 without running the route (or asking for a token).
     */
    public void get(String path, Handler h) {
        Handler secured = secured(h);
        routes.get(path, secured);
        routes.head(path, secured);
    }

    public void post(String path, Handler h) {
        routes.post(path, secured(h));
    }

    public void put(String path, Handler h) {
        routes.put(path, secured(h));
    }

    public void patch(String path, Handler h) {
        routes.patch(path, secured(h));
    }

    public void delete(String path, Handler h) {
        routes.delete(path, secured(h));
    }

    /**
     * A browser's CORS preflight (OPTIONS with Access-Control-Request-Method) never carries the token, so it is
     * answered 204 without one; the CORS plugin has set its headers before. A plain OPTIONS is secured as usual.
     */
    public void options(String path, Handler h) {
        Handler secured = secured(h);
        routes.options(path, ctx -> {
            if (ctx.header("Access-Control-Request-Method") != null) {
                ctx.status(204);
                return;
            }
            secured.handle(ctx);
        });
    }

    /** A route anyone may call (sign-in). */
    public void publicPost(String path, Handler h) {
        routes.post(path, h);
    }

    public void publicGet(String path, Handler h) {
        routes.get(path, h);
        routes.head(path, h);
    }

    /** SSE: authentication and {@code check} run in a before-filter so failures are still JSON errors. */
    public void sse(String path, Handler check, Consumer<SseClient> client) {
        routes.before(path, ctx -> {
            // HEAD too: Javalin answers it with an empty 200 of its own, which must not come without a token
            if (ctx.method().name().equals("GET") || ctx.method().name().equals("HEAD")) {
                authenticate.handle(ctx);
                check.handle(ctx);
                // a client that accepts any type had its Accept named for Javalin (EventStreamAccept); one that
                // accepts other types only would otherwise get an empty 200 from Javalin
                if (!EventStreamAccept.acceptable(ctx.header("Accept"))) {
                    throw new ApiException(ApiError.NOT_ACCEPTABLE, "This is a Server-Sent Events stream: send "
                            + "'Accept: text/event-stream' (an EventSource does), or none");
                }
            }
        });
        routes.sse(path, client);
    }
}

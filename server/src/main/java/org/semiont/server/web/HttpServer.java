package org.semiont.server.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.handler.GracefulHandler;

/**
 * The Javalin/Jetty server: routes come from the caller; errors always answer in one JSON shape.
 * Stopping is graceful: new connections are refused, in-flight requests get {@code stopTimeout} to finish.
 */
public final class HttpServer {
    /** The largest request body read at all (uploads); JSON bodies stop at {@code Requests.MAX_JSON_BYTES}. */
    public static final long MAX_REQUEST_BYTES = 10L * 1024 * 1024;
    private final Javalin app;

    private HttpServer(Javalin app) {
        this.app = app;
    }

    public static HttpServer start(String host, int port, ObjectMapper json, Duration stopTimeout, HttpSettings settings,
                                   Consumer<RoutesConfig> routes) {
        return start(host, port, json, stopTimeout, settings, RequestObserver.NONE, routes);
    }

    /** As above, telling {@code observer} about every request unless it is {@link RequestObserver#NONE}. */
    public static HttpServer start(String host, int port, ObjectMapper json, Duration stopTimeout, HttpSettings settings,
                                   RequestObserver observer, Consumer<RoutesConfig> routes) {
        CorsOrigins cors = settings.cors();
        Javalin app = Javalin.create(cfg -> {
            if (observer != RequestObserver.NONE) {
                cfg.requestLogger.http((ctx, ms) -> observer.answered(ctx.method().name(), RouteTemplate.of(ctx),
                        ctx.statusCode(), (long) (ms * 1_000_000)));
                cfg.jetty.modifyServer(server -> server.insertHandler(new InFlightRequests(observer)));
            }
            if (cors.enabled()) {
                cfg.bundledPlugins.enableCors(plugin -> plugin.addRule(rule -> {
                    rule.allowHost(cors.origins().get(0), cors.origins().subList(1, cors.origins().size()).toArray(String[]::new));
                    rule.allowCredentials = true;
                    CorsOrigins.EXPOSED.forEach(rule::exposeHeader);
                }));
            }
            cfg.jsonMapper(new JavalinJackson(json, false));
            cfg.http.defaultContentType = "application/json";
            cfg.http.prefer405over404 = true;
            cfg.http.maxRequestSize = MAX_REQUEST_BYTES;
            // a multipart body is parsed only up to the limit: beyond, the parser stops with 413 and nothing more is read
            cfg.jetty.multipartConfig.maxTotalRequestSize(MAX_REQUEST_BYTES, SizeUnit.BYTES);
            cfg.jetty.multipartConfig.maxFileSize(MAX_REQUEST_BYTES, SizeUnit.BYTES);
            cfg.startup.showJavalinBanner = false;
            cfg.jetty.modifyServer(server -> {
                server.insertHandler(new GracefulHandler());
                server.insertHandler(new SecurityHeaders());
                // the event stream routes' paths end so (DocumentStreamRoutes)
                server.insertHandler(new EventStreamAccept("/events/stream"));
                // at the limit Jetty stops accepting (clients wait in the backlog) instead of running out of descriptors
                server.addBean(new NetworkConnectionLimit(settings.maxConnections(), server));
                server.addBean(new ConnectionGuard(server, settings.requestHeadTimeout(), settings.maxConnectionsPerAddress()));
                server.setErrorHandler(new JettyErrors(json));
                server.setStopTimeout(stopTimeout.toMillis());
            });
            ErrorMapper.register(cfg.routes);
            cfg.routes.before(settings.hosts()::check);
            cfg.routes.before(HttpServer::refuseContentCodings);
            routes.accept(cfg.routes);
        });
        app.start(host, port);
        return new HttpServer(app);
    }

    /**
     * Bodies are read as sent: a compressed one would otherwise fail as invalid JSON or be stored as its compressed
     * bytes. RFC 9110 asks for 415 naming the codings the server takes.
     */
    private static void refuseContentCodings(Context ctx) {
        String coding = ctx.header("Content-Encoding");
        if (coding != null && !coding.isBlank() && !coding.trim().equalsIgnoreCase("identity")) {
            ctx.header("Accept-Encoding", "identity");
            throw new ApiException(ApiError.UNSUPPORTED_MEDIA_TYPE, "Content-Encoding \"" + Texts.abbreviate(coding, 40)
                    + "\" is not supported; "
                    + "send the body uncompressed");
        }
    }

    public int port() {
        return app.port();
    }

    /** Every registered route as {@code "METHOD path"} (Javalin's path syntax), in registration order: for tests that walk them all. */
    public List<String> routes() {
        return app.unsafe.internalRouter.allHttpHandlers().stream().filter(e -> e.endpoint.method.isHttpMethod())
                .map(e -> e.endpoint.method.name() + " " + e.endpoint.path).toList();
    }

    public void stop() {
        app.stop();
    }
}

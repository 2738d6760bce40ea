package org.semiont.server.metrics;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.semiont.server.error.DomainException;

/**
 * {@code GET /metrics}: behind the metrics token on the API port (compared in constant time; the API's user tokens do
 * not open it), open on the management port, which only the operator's network reaches.
 */
public final class MetricsRoutes {
    public static final String PATH = "/metrics";
    private final ServerMetrics metrics;
    private final Optional<byte[]> token;

    private MetricsRoutes(ServerMetrics metrics, Optional<String> token) {
        this.metrics = metrics;
        this.token = token.map(t -> t.getBytes(StandardCharsets.UTF_8));
    }

    /** On the API port: only with a token. */
    public static MetricsRoutes withToken(ServerMetrics metrics, String token) {
        return new MetricsRoutes(metrics, Optional.of(token));
    }

    /** On the management port. */
    public static MetricsRoutes open(ServerMetrics metrics) {
        return new MetricsRoutes(metrics, Optional.empty());
    }

    public void register(RoutesConfig routes) {
        routes.get(PATH, this::scrape);
    }

    private void scrape(Context ctx) {
        token.ifPresent(expected -> check(ctx, expected));
        ServerMetrics.Scrape s = metrics.scrape(ctx.header("Accept"));
        ctx.contentType(s.contentType()).header("Cache-Control", "no-store").result(s.body());
    }

    private static void check(Context ctx, byte[] expected) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"metrics\"");
            throw DomainException.unauthenticated("UNAUTHORIZED",
                    "GET /metrics needs 'Authorization: Bearer <SEMIONT_METRICS_TOKEN>'");
        }
        byte[] given = header.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(given, expected)) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"metrics\", error=\"invalid_token\"");
            throw DomainException.unauthenticated("UNAUTHORIZED",
                    "The metrics token is not the configured SEMIONT_METRICS_TOKEN");
        }
    }
}

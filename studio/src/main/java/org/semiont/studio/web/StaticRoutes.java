package org.semiont.studio.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/** The stylesheet and the one script, served as files (the CSP allows no inline code). */
final class StaticRoutes {
    private static final Map<String, String> FILES = Map.of("studio.css", "text/css; charset=utf-8",
            "studio.js", "text/javascript; charset=utf-8");
    private final String base;

    StaticRoutes(String base) {
        this.base = base;
    }

    void register(RoutesConfig routes) {
        FILES.forEach((name, type) -> {
            byte[] bytes = load(name);
            routes.get(base + "/static/" + name, ctx -> serve(ctx, type, bytes));
        });
    }

    private static void serve(Context ctx, String type, byte[] bytes) {
        ctx.contentType(type).result(bytes);
    }

    private static byte[] load(String name) {
        try (InputStream in = StaticRoutes.class.getResourceAsStream("/org/semiont/studio/static/" + name)) {
            if (in == null) {
                throw new IllegalStateException("studio resource " + name + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

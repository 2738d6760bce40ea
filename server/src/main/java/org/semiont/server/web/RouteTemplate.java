package org.semiont.server.web;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;

/** The route a request matched, as registered ({@code /api/documents/{id}}), or a fixed word when it matched none. */
final class RouteTemplate {
    static final String UNMATCHED = "UNMATCHED";

    private RouteTemplate() {
    }

    static String of(Context ctx) {
        try {
            Endpoint e = ctx.endpoints().matchedHttpEndpoint();
            return e == null ? UNMATCHED : e.path;
        } catch (RuntimeException e) {
            return UNMATCHED;
        }
    }
}

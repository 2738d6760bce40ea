package org.semiont.server.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.semiont.server.rest.SecuredRoutes;
import org.semiont.server.SemiontVersion;
import org.semiont.server.auth.Authenticator;

/** {@code GET /api/status}: the original's operational summary, with who is asking. */
final class StatusRoutes {
    void register(SecuredRoutes routes) {
        routes.get("/api/status", ctx -> {
            ObjectNode out = JsonNodeFactory.instance.objectNode().put("status", "operational").put("version", SemiontVersion.VERSION);
            out.putObject("features").put("semanticContent", "active").put("collaboration", "active").put("rbac", "active");
            out.put("message", "Semiont API is running").put("authenticatedAs", Authenticator.principal(ctx).email());
            ctx.json(out);
        });
    }
}

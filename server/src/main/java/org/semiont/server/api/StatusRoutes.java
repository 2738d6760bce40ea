package org.semiont.server.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.semiont.server.web.SecuredRoutes;
import org.semiont.server.util.SemiontVersion;
import org.semiont.server.auth.Authenticator;
import java.util.function.Supplier;

/** {@code GET /api/status}: the original's operational summary, with who is asking. */
final class StatusRoutes {
    private final Supplier<String> schemaState;

    StatusRoutes(Supplier<String> schemaState) {
        this.schemaState = schemaState;
    }

    void register(SecuredRoutes routes) {
        routes.get("/api/status", ctx -> {
            ObjectNode out = JsonNodeFactory.instance.objectNode().put("status", "operational").put("version", SemiontVersion.VERSION);
            out.putObject("features").put("semanticContent", "active").put("collaboration", "active").put("rbac", "active");
            out.put("message", "Semiont API is running").put("authenticatedAs", Authenticator.principal(ctx).email());
            out.put("schema", schemaState.get());
            ctx.json(out);
        });
    }
}

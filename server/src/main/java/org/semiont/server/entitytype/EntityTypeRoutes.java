package org.semiont.server.entitytype;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.semiont.server.web.SecuredRoutes;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.semiont.server.auth.Authenticator;
import org.semiont.server.auth.Principal;
import org.semiont.server.error.DomainException;
import org.semiont.server.web.Requests;

/** {@code /api/entity-types}: list (any user), add and bulk add (moderators and admins). */
public final class EntityTypeRoutes {
    private final EntityTypeService service;
    private final Requests requests;

    public EntityTypeRoutes(EntityTypeService service, Requests requests) {
        this.service = service;
        this.requests = requests;
    }

    public void register(SecuredRoutes routes) {
        routes.get("/api/entity-types", ctx -> ctx.json(Map.of("entityTypes", service.list())));
        routes.post("/api/entity-types", this::add);
        routes.post("/api/entity-types/bulk", this::bulk);
    }

    private void add(Context ctx) {
        Principal p = Authenticator.requireModerator(ctx);
        JsonNode tag = requests.object(ctx).get("tag");
        if (tag == null || !tag.isTextual()) {
            throw DomainException.invalid("VALIDATION_FAILED",
                    "tag (a string of 1.." + EntityTypeNames.MAX_LENGTH + " characters) is required");
        }
        ctx.json(Map.of("success", true, "entityTypes", service.add(List.of(tag.asText()), p.userId())));
    }

    private void bulk(Context ctx) {
        Principal p = Authenticator.requireModerator(ctx);
        ObjectNode body = requests.object(ctx);
        JsonNode tags = body.get("tags");
        if (tags == null || !tags.isArray() || tags.size() > 1000) {
            throw DomainException.invalid("VALIDATION_FAILED", "tags (an array of at most 1000 strings) is required");
        }
        List<String> list = new ArrayList<>();
        for (JsonNode t : tags) {
            if (!t.isTextual()) {
                throw DomainException.invalid("VALIDATION_FAILED", "tags must hold strings only, got " + t.getNodeType());
            }
            list.add(t.asText());
        }
        ctx.json(Map.of("success", true, "entityTypes", service.add(list, p.userId())));
    }
}

package org.semiont.server.openapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.semiont.server.web.SecuredRoutes;

/** {@code GET /api/openapi.json}: the OpenAPI 3.1 description of this API (no auth), with this server's base URL. */
public final class OpenApiRoutes {
    static final String RESOURCE = "/org/semiont/server/api/openapi.json";
    private final String document;

    public OpenApiRoutes(ObjectMapper json, String baseUrl) {
        ObjectNode spec = load(json);
        spec.withArray("servers").removeAll().addObject().put("url", baseUrl);
        this.document = spec.toString();
    }

    public static ObjectNode load(ObjectMapper json) {
        try (InputStream in = OpenApiRoutes.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the server jar");
            }
            return (ObjectNode) json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    public void register(SecuredRoutes routes) {
        routes.publicGet("/api/openapi.json", ctx -> ctx.contentType("application/json").result(document));
    }
}

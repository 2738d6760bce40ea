package org.semiont.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /api/openapi.json describes the real API: real responses of every JSON endpoint validate against it. */
class OpenApiIT {
    @TempDir
    Path dataDir;

    record Call(String method, String template, String path, Object body) {
    }

    @Test
    void real_responses_of_every_json_endpoint_match_the_openapi_document() throws Exception {
        try (ApiServer server = ApiServer.start(dataDir)) {
            ApiClient.Response specResponse = server.anonymous().get("/api/openapi.json");
            assertThat(specResponse.status()).isEqualTo(200);
            JsonNode spec = specResponse.json();
            assertThat(spec.get("openapi").asText()).isEqualTo("3.1.0");
            assertThat(spec.get("servers").get(0).get("url").asText()).isEqualTo(server.app().config().baseUrl());
            SchemaCheck check = new SchemaCheck(spec);
            ApiClient admin = server.user("root@example.org", true, false);
            String doc = ApiServer.createDocument(admin, "Spec", "Alice met Bob.").get("id").asText();
            String other = ApiServer.createDocument(admin, "Other", "Linked to.").get("id").asText();
            JsonNode ann = admin.post("/api/annotations", Map.of("motivation", "linking", "target", Map.of("source", doc, "selector",
                    Map.of("type", "TextQuoteSelector", "exact", "Alice")), "body", List.of(Map.of("type", "SpecificResource", "source", other))))
                    .json().get("annotation");
            String annId = ann.get("id").asText().replaceAll(".*/", "");
            String userId = admin.get("/api/users/me").json().get("id").asText();
            List<Call> calls = List.of(
                    new Call("GET", "/api/status", "/api/status", null),
                    new Call("POST", "/api/tokens/password", "/api/tokens/password", Map.of("email", "root@example.org",
                            "password", ApiServer.PASSWORD)),
                    new Call("GET", "/api/admin/projections", "/api/admin/projections", null),
                    new Call("GET", "/api/admin/users/{id}/sessions", "/api/admin/users/" + userId + "/sessions", null),
                    new Call("GET", "/api/users/me", "/api/users/me", null),
                    new Call("POST", "/api/users/accept-terms", "/api/users/accept-terms", null),
                    new Call("GET", "/api/admin/users", "/api/admin/users", null),
                    new Call("GET", "/api/admin/users/stats", "/api/admin/users/stats", null),
                    new Call("PATCH", "/api/admin/users/{id}", "/api/admin/users/" + userId, Map.of("name", "Root")),
                    new Call("POST", "/api/documents", "/api/documents", Map.of("name", "Third", "content", "three")),
                    new Call("GET", "/api/documents", "/api/documents?search=Spec", null),
                    new Call("GET", "/api/documents/search", "/api/documents/search?q=sp", null),
                    new Call("GET", "/api/documents/{id}", "/api/documents/" + doc, null),
                    new Call("PATCH", "/api/documents/{id}", "/api/documents/" + doc, Map.of("entityTypes", List.of("Person"))),
                    new Call("GET", "/api/documents/{id}/annotations", "/api/documents/" + doc + "/annotations", null),
                    new Call("GET", "/api/documents/{id}/referenced-by", "/api/documents/" + other + "/referenced-by", null),
                    new Call("GET", "/api/documents/{id}/events", "/api/documents/" + doc + "/events", null),
                    new Call("GET", "/api/documents/{documentId}/annotations/{annotationId}/history",
                            "/api/documents/" + doc + "/annotations/" + annId + "/history", null),
                    new Call("POST", "/api/annotations", "/api/annotations", Map.of("motivation", "highlighting", "target", doc)),
                    new Call("GET", "/api/annotations", "/api/annotations?documentId=" + doc, null),
                    new Call("GET", "/api/annotations/{id}", "/api/annotations/" + annId, null),
                    new Call("PUT", "/api/annotations/{id}/body", "/api/annotations/" + annId + "/body",
                            Map.of("operations", List.of(Map.of("op", "add", "item", Map.of("type", "TextualBody", "value", "Person", "purpose", "tagging"))))),
                    new Call("GET", "/api/entity-types", "/api/entity-types", null),
                    new Call("POST", "/api/entity-types", "/api/entity-types", Map.of("tag", "Animal")),
                    new Call("POST", "/api/entity-types/bulk", "/api/entity-types/bulk", Map.of("tags", List.of("Plant"))),
                    new Call("GET", "/api/documents/{id}", "/api/documents/doc-sha256:" + "0".repeat(64), null),
                    new Call("POST", "/api/annotations", "/api/annotations", Map.of("motivation", "nope")));
            List<String> problems = new ArrayList<>();
            for (Call c : calls) {
                ApiClient.Response r = admin.send(c.method(), c.path(), c.body());
                JsonNode op = spec.get("paths").get(c.template());
                assertThat(op).as("spec has " + c.template()).isNotNull();
                JsonNode response = op.get(c.method().toLowerCase()).get("responses").get(String.valueOf(r.status()));
                assertThat(response).as(c.method() + " " + c.path() + " answered " + r.status() + ", not in the spec: " + r.body()).isNotNull();
                JsonNode resolved = response.has("$ref") ? spec.at(response.get("$ref").asText().substring(1)) : response;
                JsonNode schema = resolved.path("content").path("application/json").path("schema");
                if (!schema.isMissingNode()) {
                    check.problems(r.json(), schema).forEach(p -> problems.add(c.method() + " " + c.path() + " " + p));
                }
            }
            assertThat(problems).isEmpty();
        }
    }
}

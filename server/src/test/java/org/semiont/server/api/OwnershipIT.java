package org.semiont.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An annotation is changed or deleted only by its creator, a moderator or an admin; a document is archived or re-typed
 * only by its creator, a moderator or an admin. Every change says who made it.
 */
class OwnershipIT {
    @TempDir
    static Path dataDir;
    static ApiServer server;
    static ApiClient ada;
    static ApiClient bob;
    static ApiClient mod;
    static String doc;

    @BeforeAll
    static void start() {
        server = ApiServer.start(dataDir);
        ada = server.user("ada@example.org", true, false);
        bob = server.user("bob@example.org", false, false);
        mod = server.user("mod@example.org", false, true);
        doc = ApiServer.createDocument(ada, "Ada's", "Ada wrote this.").get("id").asText();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String annotationOfAda() {
        JsonNode a = ada.post("/api/annotations", Map.of("motivation", "commenting", "target", doc, "body",
                List.of(Map.of("type", "TextualBody", "value", "mine", "purpose", "commenting")))).json().get("annotation");
        return a.get("id").asText().replaceAll(".*/", "");
    }

    private static Map<String, Object> addTag() {
        return Map.of("operations", List.of(Map.of("op", "add", "item", Map.of("type", "TextualBody", "value", "Person",
                "purpose", "tagging"))));
    }

    @Test
    void another_user_cannot_edit_replace_or_delete_an_annotation_through_either_api() {
        String id = annotationOfAda();
        long before = server.app().api().events().lastPosition();
        ApiClient.Response edit = bob.send("PUT", "/api/annotations/" + id + "/body", addTag());
        assertThat(edit.status()).isEqualTo(403);
        assertThat(edit.json().get("code").asText()).isEqualTo("FORBIDDEN");
        assertThat(bob.send("DELETE", "/api/annotations/" + id, null).status()).isEqualTo(403);
        String etag = bob.get("/annotations/" + id).header("ETag").orElseThrow();
        assertThat(bob.send("PUT", "/annotations/" + id, Map.of("@context", "http://www.w3.org/ns/anno.jsonld", "type", "Annotation",
                "target", doc, "body", "http://example.org/bob"), "If-Match", etag).status()).isEqualTo(403);
        assertThat(bob.send("DELETE", "/annotations/" + id, null, "If-Match", etag).status()).isEqualTo(403);
        assertThat(server.app().api().events().lastPosition()).as("nothing refused reached the log").isEqualTo(before);
        assertThat(bob.get("/api/annotations/" + id).json().get("annotation").get("body").get(0).get("value").asText())
                .isEqualTo("mine");
    }

    @Test
    void a_moderator_may_and_the_change_names_who_made_it() {
        String id = annotationOfAda();
        ApiClient.Response edit = mod.send("PUT", "/api/annotations/" + id + "/body", addTag());
        assertThat(edit.status()).as(edit.body()).isEqualTo(200);
        JsonNode a = edit.json().get("annotation");
        String modId = mod.get("/api/users/me").json().get("id").asText();
        assertThat(a.get("creator").get("id").asText()).isEqualTo(ada.get("/api/users/me").json().get("id").asText());
        assertThat(a.get("modifiedBy").get("id").asText()).isEqualTo(modId);
        assertThat(a.get("modifiedBy").get("name").asText()).isEqualTo("mod");
        assertThat(mod.get("/api/documents/" + doc + "/events?type=annotation.body.updated").json().get("events").get(0)
                .get("event").get("userId").asText()).as("the event names who made the change").isEqualTo(modId);
        assertThat(mod.send("DELETE", "/api/annotations/" + id, null).status()).isEqualTo(204);
        assertThat(server.app().api().maintenance().check()).as("live rows equal a rebuild").isEmpty();
    }

    @Test
    void the_creator_may_change_their_own() {
        String bobsDoc = ApiServer.createDocument(bob, "Bob's", "Bob wrote this.").get("id").asText();
        JsonNode a = bob.post("/api/annotations", Map.of("motivation", "highlighting", "target", bobsDoc)).json().get("annotation");
        String id = a.get("id").asText().replaceAll(".*/", "");
        assertThat(bob.send("PUT", "/api/annotations/" + id + "/body", addTag()).status()).isEqualTo(200);
        assertThat(bob.send("PATCH", "/api/documents/" + bobsDoc, Map.of("archived", true)).status()).isEqualTo(200);
        assertThat(bob.send("DELETE", "/api/annotations/" + id, null).status()).isEqualTo(204);
    }

    @Test
    void only_the_creator_a_moderator_or_an_admin_archives_or_retypes_a_document() {
        ApiClient.Response archive = bob.send("PATCH", "/api/documents/" + doc, Map.of("archived", true));
        assertThat(archive.status()).isEqualTo(403);
        assertThat(bob.send("PATCH", "/api/documents/" + doc, Map.of("entityTypes", List.of("Place"))).status()).isEqualTo(403);
        assertThat(bob.get("/api/documents/" + doc).json().get("document").get("archived").asBoolean()).isFalse();
        assertThat(mod.send("PATCH", "/api/documents/" + doc, Map.of("entityTypes", List.of("Person", "Place"))).status())
                .isEqualTo(200);
    }

    @Test
    void with_the_everyone_policy_any_signed_in_user_may(@TempDir Path other) {
        try (ApiServer open = ApiServer.start(other, Map.of("SEMIONT_EDIT_POLICY", "everyone"))) {
            ApiClient owner = open.user("owner@example.org", false, false);
            ApiClient anyone = open.user("anyone@example.org", false, false);
            String d = ApiServer.createDocument(owner, "Shared", "Everyone edits.").get("id").asText();
            assertThat(anyone.send("PATCH", "/api/documents/" + d, Map.of("archived", true)).status()).isEqualTo(200);
        }
    }
}

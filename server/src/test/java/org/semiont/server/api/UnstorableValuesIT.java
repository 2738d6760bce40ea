package org.semiont.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.semiont.events.EventLog;
import org.semiont.events.ExpectedVersion;
import org.semiont.events.NewEvent;
import org.semiont.events.StoredEvent;

/**
 * Events in the log that PostgreSQL cannot store as they are (U+0000 in strings; values too long for an index entry)
 * never stop the projection: the API refuses such requests now, but a log written before, or imported, may hold
 * them. They are projected with U+FFFD for U+0000 and without the oversized index values, the server starts and
 * serves, and the projection equals a rebuild.
 */
class UnstorableValuesIT {
    @TempDir
    Path dataDir;

    /** A projection that cannot get past an event retries it forever, and the server never gets ready: fail instead. */
    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void events_with_nul_characters_or_unindexable_values_are_projected_and_the_server_serves() throws Exception {
        String doc;
        ObjectNode added;
        try (ApiServer server = ApiServer.start(dataDir)) {
            ApiClient alice = server.user("alice@example.org", false, false);
            doc = ApiServer.createDocument(alice, "Poison", "Alice met Bob.").get("id").asText();
            assertThat(alice.post("/api/annotations", Map.of("motivation", "highlighting", "target", Map.of("source", doc)))
                    .status()).isEqualTo(201);
            try (var s = server.app().api().events().readStream(doc, 1)) {
                added = s.filter(e -> e.type().equals("annotation.added")).findFirst().map(StoredEvent::event).orElseThrow();
            }
        }
        String longTag = new Random(7).ints(9_000, 'a', 'z' + 1).mapToObj(c -> String.valueOf((char) c))
                .collect(Collectors.joining());
        String longIri = "http://example.org/" + IntStream.range(0, 2_000).mapToObj(i -> "\u00e9").collect(Collectors.joining());
        try (EventLog log = EventLog.open(dataDir)) {
            String user = added.get("userId").asText();
            log.append(doc, ExpectedVersion.any(), NewEvent.of("entitytag.added", doc, user,
                    com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("entityType", "Bad\u0000Type")));
            log.append(doc, ExpectedVersion.any(), annotation(added, doc, user, "nul", a -> a.putArray("body").addObject()
                    .put("type", "TextualBody").put("value", "a\u0000b").put("purpose", "commenting")));
            log.append(doc, ExpectedVersion.any(), annotation(added, doc, user, "longtag", a -> a.putArray("body").addObject()
                    .put("type", "TextualBody").put("value", longTag).put("purpose", "tagging")));
            log.append("__annotations__", ExpectedVersion.any(), annotation(added, null, user, "longiri",
                    a -> a.put("target", longIri)));
        }

        try (ApiServer server = ApiServer.start(dataDir)) {
            ApiClient alice = server.signIn("alice@example.org");
            JsonNode document = alice.get("/api/documents/" + doc).json().get("document");
            assertThat(document.get("entityTypes").toString()).contains("Bad\uFFFDType");
            assertThat(alice.get("/api/annotations/nul").json().get("annotation").get("body").get(0).get("value").asText())
                    .isEqualTo("a\uFFFDb");
            assertThat(alice.get("/api/annotations/longtag").json().get("annotation").get("body").get(0).get("value")
                    .asText()).isEqualTo(longTag);
            assertThat(alice.get("/annotations/longiri").json().get("target").asText()).isEqualTo(longIri);
            assertThat(alice.post("/api/annotations", Map.of("motivation", "highlighting", "target", Map.of("source", doc)))
                    .status()).as("writes go on").isEqualTo(201);
            assertThat(server.app().api().maintenance().check()).isEmpty();
        }
    }

    private static NewEvent annotation(ObjectNode template, String doc, String user, String id,
                                       java.util.function.Consumer<ObjectNode> change) {
        ObjectNode a = template.path("payload").path("annotation").deepCopy();
        a.put("id", a.get("id").asText().replaceAll("[^/]+$", id));
        change.accept(a);
        ObjectNode payload = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        payload.set("annotation", a);
        return NewEvent.of("annotation.added", doc, user, payload);
    }
}

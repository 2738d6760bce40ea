package org.semiont.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.semiont.events.jsonl.StreamLayout;
import org.semiont.server.document.ContentStore;

/**
 * Content is addressed by its SHA-256, so a content file damaged or changed on disk is detected on read and never
 * served as the document; before, the changed bytes went out with 200. Storing the same content again repairs it.
 */
class ContentIntegrityIT {
    @RegisterExtension
    static final ServerExtension SERVER = new ServerExtension(Map.of());

    @Test
    void damaged_content_is_refused_with_500_content_corrupted_and_uploading_it_again_repairs_it() throws Exception {
        ApiClient alice = SERVER.alice();
        String text = "Alice met Bob in the garden.";
        String id = ApiServer.createDocument(alice, "Garden", text).get("id").asText();
        Path file = contentFile(id);
        Files.writeString(file, "Alice met Eve in the garden.");

        ApiClient.Response r = alice.get("/api/documents/" + id + "/content");
        assertThat(r.status()).as(r.body()).isEqualTo(500);
        assertThat(r.json().get("code").asText()).isEqualTo("CONTENT_CORRUPTED");
        assertThat(r.json().get("error").asText()).contains(id).contains("Uploading the same content again repairs it");
        assertThat(r.body()).doesNotContain("Eve");

        JsonNode found = alice.get("/api/documents/search?q=Garden").json();
        assertThat(found.get("total").asInt()).as("search still answers").isEqualTo(1);
        assertThat(found.get("documents").get(0).get("content").asText()).isEmpty();

        ApiClient.Response again = alice.post("/api/documents", Map.of("name", "Garden again", "content", text));
        assertThat(again.status()).as("the same content is the same document").isEqualTo(409);
        ApiClient.Response repaired = alice.get("/api/documents/" + id + "/content");
        assertThat(repaired.status()).isEqualTo(200);
        assertThat(repaired.body()).isEqualTo(text);
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(text);
    }

    /** A full disk, say: simulated by a plain file where the content's shard directory goes (root ignores modes). */
    @Test
    void content_that_cannot_be_stored_is_503_and_nothing_is_saved() throws Exception {
        String text = "Nowhere to go " + System.nanoTime();
        String id = ContentStore.idOf(text.getBytes(StandardCharsets.UTF_8));
        String shard = StreamLayout.shard(id);
        Path blocker = SERVER.server().app().config().dataDir().resolve("documents").resolve(shard.substring(0, 2))
                .resolve(shard.substring(2));
        Files.createDirectories(blocker.getParent());
        Files.writeString(blocker, "in the way");
        long before = SERVER.server().app().api().events().lastPosition();

        ApiClient.Response r = SERVER.alice().post("/api/documents", Map.of("name", "Nowhere", "content", text));
        assertThat(r.status()).as(r.body()).isEqualTo(503);
        assertThat(r.json().get("code").asText()).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(r.json().get("error").asText()).contains("cannot store document content").contains("nothing was saved")
                .doesNotContain(blocker.toString());
        assertThat(SERVER.server().app().api().events().lastPosition()).isEqualTo(before);

        Files.delete(blocker);
        assertThat(SERVER.alice().post("/api/documents", Map.of("name", "Somewhere", "content", text)).status()).isEqualTo(201);
    }

    @Test
    void a_search_snippet_never_ends_in_half_of_a_surrogate_pair() {
        String text = "n".repeat(199) + "\uD83D\uDE00 and more";
        ApiServer.createDocument(SERVER.alice(), "Emoji at the cut", text);
        String snippet = SERVER.alice().get("/api/documents/search?q=Emoji").json().get("documents").get(0).get("content").asText();
        assertThat(snippet).isEqualTo("n".repeat(199));
    }

    private static Path contentFile(String id) throws Exception {
        try (Stream<Path> all = Files.walk(SERVER.server().app().config().dataDir().resolve("documents"))) {
            return all.filter(p -> p.getFileName().toString().equals(id + ".dat")).findFirst().orElseThrow();
        }
    }
}

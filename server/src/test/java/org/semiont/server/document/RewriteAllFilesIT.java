package org.semiont.server.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.semiont.events.EventLog;
import org.semiont.server.api.ApiClient;
import org.semiont.server.api.ApiServer;

/** Every document's file written at once from the rows (a restore): the same bytes the paced writer writes. */
class RewriteAllFilesIT {
    @TempDir
    Path dataDir;

    @Test
    void rewriting_all_files_in_chunks_gives_the_files_the_check_expects_for_small_and_large_documents() throws Exception {
        try (ApiServer server = ApiServer.start(dataDir)) {
            ApiClient alice = server.user("alice@example.org", false, false);
            String many = ApiServer.createDocument(alice, "Many", "Alice met Bob in the garden.").get("id").asText();
            String none = ApiServer.createDocument(alice, "None", "Nobody annotates this.").get("id").asText();
            String few = ApiServer.createDocument(alice, "Few", "Carol met Dan.").get("id").asText();
            for (int i = 0; i < 6; i++) {
                post(alice, many, i);
            }
            post(alice, few, 0);
            post(alice, few, 1);
            EventLog events = server.app().api().events();
            long end = events.lastPosition();
            assertThat(server.app().api().projector().awaitApplied(end, Duration.ofSeconds(30))).isTrue();
            DocumentFiles files = server.app().api().files();
            for (String id : List.of(many, none, few)) {
                Files.deleteIfExists(files.file(id));
            }
            files.gatherLimit(3); // "Many" has more: written streamed on its own
            files.rewriteAll(events, end);
            for (String id : List.of(many, none, few)) {
                assertThat(files.file(id)).exists();
            }
            assertThat(Files.readString(files.file(few))).contains("TextPositionSelector");
            assertThat(files.check(events, end)).isEmpty();
        }
    }

    private static void post(ApiClient c, String doc, int start) {
        ApiClient.Response r = c.post("/api/annotations", Map.of("motivation", "highlighting", "target", Map.of("source", doc,
                "selector", List.of(Map.of("type", "TextPositionSelector", "start", start, "end", start + 3))), "body", List.of()));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }
}

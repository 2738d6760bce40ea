package org.semiont.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Characters beyond the Basic Multilingual Plane go out as themselves in UTF-8, as JSON.stringify writes them, in
 * answers written as they are read and in the projection files: Jackson's byte output wrote them as two escapes.
 */
class JsonOutputIT {
    @RegisterExtension
    static final ServerExtension SERVER = new ServerExtension(Map.of());

    @Test
    void emoji_are_written_as_utf8_in_streamed_answers_and_projection_files() throws Exception {
        String id = ApiServer.createDocument(SERVER.alice(), "Grüße \uD83D\uDE00", "Alice met Bob.").get("id").asText();
        for (String path : new String[] {"/api/documents/" + id, "/api/documents/search?q=Gr"}) {
            String body = SERVER.alice().get(path).body();
            assertThat(body).as(path).contains("\"Grüße \uD83D\uDE00\"").doesNotContain("\\uD83D");
        }
        Path file = awaitFile(id);
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).contains("\"Grüße \uD83D\uDE00\"").doesNotContain("\\uD83D");
    }

    private static Path awaitFile(String id) throws Exception {
        Path root = SERVER.server().app().config().dataDir().resolve("projections").resolve("documents");
        for (int i = 0; i < 100; i++) {
            if (Files.isDirectory(root)) {
                try (Stream<Path> all = Files.walk(root)) {
                    Optional<Path> f = all.filter(p -> p.getFileName().toString().equals(id + ".json")).findFirst();
                    if (f.isPresent()) {
                        return f.get();
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no projection file for " + id);
    }
}

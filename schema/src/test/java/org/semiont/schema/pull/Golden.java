package org.semiont.schema.pull;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.semiont.schema.psl.PslFixtures;

/** Compares text with a golden resource; on a mismatch the actual text is left in target/golden-actual/ for review. */
final class Golden {
    private Golden() {
    }

    static void assertMatches(String actual, String resource) {
        String expected = PslFixtures.resource(resource);
        if (!expected.equals(actual)) {
            try {
                Path out = Path.of("target", "golden-actual", resource);
                Files.createDirectories(out.getParent());
                Files.writeString(out, actual, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        assertThat(actual).isEqualTo(expected);
    }
}

package org.semiont.events.jsonl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The word-at-a-time search for {@code ,"metadata":} finds what a plain search from the end finds. */
class MetadataBoundaryTest {
    private static final String META = ",\"metadata\":";
    private static final String[] PIECES = {META, ",", "\"", "}", "m", "metadata", "x", "{\"event\":", ":", "}}"};

    @Test
    void the_boundary_is_the_last_occurrence_after_the_prefix_wherever_the_pieces_fall() {
        Random r = new Random(18);
        for (int n = 0; n < 50_000; n++) {
            StringBuilder line = new StringBuilder("{\"event\":");
            for (int k = r.nextInt(12); k > 0; k--) {
                line.append(PIECES[r.nextInt(PIECES.length)]);
            }
            line.append(r.nextBoolean() ? "}}" : "}");
            String pad = "y".repeat(r.nextInt(3));
            byte[] b = (pad + line + pad).getBytes(StandardCharsets.US_ASCII);
            int from = pad.length();
            int to = from + line.length();
            assertThat(LineCodec.metadataFromTheEnd(b, from, to)).as(line.toString()).isEqualTo(plain(line.toString(), from));
        }
    }

    private static int plain(String line, int from) {
        if (line.length() < 11 || !line.endsWith("}}")) {
            return -1;
        }
        int at = line.substring(0, line.length() - 2).lastIndexOf(META);
        return at <= 9 || line.charAt(at - 1) != '}' ? -1 : from + at;
    }
}

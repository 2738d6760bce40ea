package org.semiont.events.jsonl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The canonical-layout shortcut of the metadata parser accepts exactly what the general parser does, with the same values. */
class MetadataParserShortcutTest {
    private static final String[] CANONICAL = {
        "{\"sequenceNumber\":12,\"streamPosition\":0,\"timestamp\":\"2026-12-06T20:33:47.048Z\",\"prevEventHash\":\""
                + "a".repeat(64) + "\",\"checksum\":\"" + "0123456789abcdef".repeat(4) + "\"}",
        "{\"sequenceNumber\":1,\"streamPosition\":0,\"timestamp\":\"2026-12-06T20:33:47.048Z\",\"checksum\":\""
                + "f".repeat(64) + "\"}",
        "{\"sequenceNumber\":7,\"streamPosition\":3,\"timestamp\":\"t\",\"prevEventHash\":\"\",\"checksum\":\"c\"}"};
    private static final byte[] ALPHABET = "\"\\{}:,0123456789abcf \u0001\t".getBytes(StandardCharsets.ISO_8859_1);

    @Test
    void every_damaged_or_respelled_metadata_gets_the_same_answer_from_both() {
        Random r = new Random(18);
        int shortcut = 0;
        for (int n = 0; n < 60_000; n++) {
            byte[] b = damage(CANONICAL[n % CANONICAL.length].getBytes(StandardCharsets.UTF_8), r, n % 7);
            int off = r.nextInt(3);
            byte[] padded = new byte[b.length + off + r.nextInt(9)];
            Arrays.fill(padded, (byte) '"');
            System.arraycopy(b, 0, padded, off, b.length);
            MetadataParser quick = MetadataParser.parse(padded, off, b.length);
            MetadataParser general = MetadataParser.parseGenerally(padded, off, b.length);
            String text = new String(b, StandardCharsets.ISO_8859_1);
            assertThat(describe(quick)).as(text).isEqualTo(describe(general));
            shortcut += quick != null ? 1 : 0;
        }
        assertThat(shortcut).as("inputs both accept").isBetween(5_000, 55_000);
    }

    private static byte[] damage(byte[] b, Random r, int kind) {
        switch (kind) {
            case 0:
                return b;
            case 1:
                b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
                return b;
            case 2:
                b[r.nextInt(b.length)] = ALPHABET[r.nextInt(ALPHABET.length)];
                return b;
            case 3:
                return Arrays.copyOf(b, r.nextInt(b.length));
            case 4: {
                int at = r.nextInt(b.length);
                byte[] out = new byte[b.length + 1];
                System.arraycopy(b, 0, out, 0, at);
                out[at] = ALPHABET[r.nextInt(ALPHABET.length)];
                System.arraycopy(b, at, out, at + 1, b.length - at);
                return out;
            }
            case 5: {
                int at = r.nextInt(b.length);
                byte[] out = new byte[b.length - 1];
                System.arraycopy(b, 0, out, 0, at);
                System.arraycopy(b, at + 1, out, at, b.length - at - 1);
                return out;
            }
            default:
                b[r.nextInt(b.length)] = (byte) (0x80 | r.nextInt(0x80));
                return b;
        }
    }

    private static String describe(MetadataParser p) {
        return p == null ? "rejected" : p.sequence + " " + p.streamPosition + " " + p.timestamp() + " " + p.prevEventHash() + " " + p.checksum();
    }
}

package org.semiont.events.jsonl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class FileTailTest {

    /**
     * Lines around the 64 KiB read block, so the backwards search crosses block boundaries both ways, and lengths
     * that put a newline exactly on a block's first byte.
     */
    @Provide
    Arbitrary<List<Integer>> lineLengths() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.integers().between(1, 300)),
                net.jqwik.api.Tuple.of(3, Arbitraries.of(65_535, 65_536, 131_071, 131_072)),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(65_000, 66_100)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(131_000, 140_000)))
                .list().ofMaxSize(6);
    }

    @Property(tries = 60)
    void finds_the_last_complete_line_and_where_the_torn_tail_starts(@ForAll("lineLengths") List<Integer> lines,
            @ForAll("lineLengths") List<Integer> tornTail) throws Exception {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        byte[] lastLine = null;
        for (int i = 0; i < lines.size(); i++) {
            lastLine = filled(lines.get(i), (byte) ('a' + i));
            file.write(lastLine);
            file.write('\n');
        }
        long completeEnd = file.size();
        byte[] torn = filled(tornTail.isEmpty() ? 0 : tornTail.get(0), (byte) 'z');
        file.write(torn);
        Path f = Files.createTempFile("file-tail", ".jsonl");
        try {
            Files.write(f, file.toByteArray());
            FileTail.Tail t = FileTail.read(f);
            assertThat(t.size()).isEqualTo(file.size());
            assertThat(t.completeEnd()).isEqualTo(completeEnd);
            assertThat(t.torn()).isEqualTo(torn.length > 0);
            if (lastLine == null) {
                assertThat(t.lastLine()).isNull();
            } else {
                assertThat(t.lastLine()).isEqualTo(lastLine);
            }
        } finally {
            Files.delete(f);
        }
    }

    private static byte[] filled(int length, byte b) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, b);
        return bytes;
    }
}

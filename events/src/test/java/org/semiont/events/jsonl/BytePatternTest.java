package org.semiont.events.jsonl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class BytePatternTest {

    /** A small alphabet, so patterns often occur, partly occur and overlap. */
    @Provide
    Arbitrary<byte[]> text() {
        return Arbitraries.bytes().between((byte) 'a', (byte) 'd').array(byte[].class).ofMaxSize(60);
    }

    @Provide
    Arbitrary<byte[]> pattern() {
        return Arbitraries.bytes().between((byte) 'a', (byte) 'd').array(byte[].class).ofMinSize(1).ofMaxSize(6);
    }

    @Property(tries = 2000)
    void finds_the_pattern_exactly_where_a_naive_search_does(@ForAll("text") byte[] text, @ForAll("pattern") byte[] pattern,
            @ForAll("cut") int cutFrom, @ForAll("cut") int cutTo) {
        int from = Math.min(cutFrom, text.length);
        int to = Math.max(from, text.length - Math.min(cutTo, text.length));
        assertThat(new BytePattern(pattern).foundIn(text, from, to)).isEqualTo(naive(text, from, to, pattern));
    }

    @Provide
    Arbitrary<Integer> cut() {
        return Arbitraries.integers().between(0, 5);
    }

    @Test
    void bytes_above_127_are_ordinary_bytes() {
        byte[] text = {(byte) 0xe2, (byte) 0x80, (byte) 0x94, 'x', (byte) 0xff};
        assertThat(new BytePattern(new byte[] {(byte) 0x94, 'x'}).foundIn(text, 0, text.length)).isTrue();
        assertThat(new BytePattern(new byte[] {'x', (byte) 0xfe}).foundIn(text, 0, text.length)).isFalse();
    }

    @Test
    void an_empty_pattern_is_refused() {
        assertThatThrownBy(() -> new BytePattern(new byte[0])).isInstanceOf(IllegalArgumentException.class);
    }

    private static boolean naive(byte[] text, int from, int to, byte[] p) {
        for (int i = from; i + p.length <= to; i++) {
            boolean all = true;
            for (int j = 0; j < p.length; j++) {
                all &= text[i + j] == p[j];
            }
            if (all) {
                return true;
            }
        }
        return false;
    }
}

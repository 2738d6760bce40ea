package org.semiont.events.jsonl;

import java.util.Arrays;

/**
 * A byte string to look for in many lines (Horspool's algorithm): after a mismatch the search moves on by up to
 * the pattern's length, so a long line without the pattern costs a fraction of its bytes. Immutable.
 */
public final class BytePattern {
    private final byte[] pattern;
    private final int[] shift = new int[256];

    public BytePattern(byte[] pattern) {
        if (pattern.length == 0) {
            throw new IllegalArgumentException("the pattern is empty");
        }
        this.pattern = pattern.clone();
        Arrays.fill(shift, pattern.length);
        for (int i = 0; i < pattern.length - 1; i++) {
            shift[pattern[i] & 0xff] = pattern.length - 1 - i;
        }
    }

    /** Whether {@code bytes[from, to)} contains the pattern. */
    public boolean foundIn(byte[] bytes, int from, int to) {
        int m = pattern.length;
        int lastOfPattern = pattern[m - 1];
        for (int end = from + m - 1; end < to; end += shift[bytes[end] & 0xff]) {
            if (bytes[end] == lastOfPattern && Arrays.equals(bytes, end - m + 1, end + 1, pattern, 0, m)) {
                return true;
            }
        }
        return false;
    }
}

package org.semiont.events.jsonl;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A fast path for the metadata object as both writers produce it: flat, keys and string values
 * without escapes, integer numbers. Returns null for anything else so the caller falls back to a
 * full JSON parser; it never accepts what a JSON parser would reject.
 */
final class MetadataParser {
    long sequence = -1;
    long streamPosition;
    /** Where each string value's characters start in the line, and how many there are (-1: absent); ASCII only. */
    int timestampAt = -1;
    int timestampLength;
    int prevAt = -1;
    int prevLength;
    int checksumAt = -1;
    int checksumLength;

    private final byte[] b;
    private final int off;
    private int i;
    private final int end;

    private MetadataParser(byte[] b, int off, int len) {
        this.b = b;
        this.off = off;
        this.i = off;
        this.end = off + len;
    }

    static MetadataParser parse(byte[] b, int off, int len) {
        MetadataParser p = new MetadataParser(b, off, len);
        if (p.canonical()) {
            return p;
        }
        p.reset();
        return p.object() ? p : null;
    }

    /** The general parser alone (for tests: the canonical match must agree with it). */
    static MetadataParser parseGenerally(byte[] b, int off, int len) {
        MetadataParser p = new MetadataParser(b, off, len);
        return p.object() ? p : null;
    }

    private void reset() {
        i = off;
        sequence = -1;
        streamPosition = 0;
        timestampAt = -1;
        prevAt = -1;
        checksumAt = -1;
    }

    private static final byte[] SEQUENCE_KEY = ascii("{\"sequenceNumber\":");
    private static final byte[] POSITION_KEY = ascii(",\"streamPosition\":");
    private static final byte[] TIMESTAMP_KEY = ascii(",\"timestamp\":\"");
    private static final byte[] PREV_KEY = ascii("\",\"prevEventHash\":\"");
    private static final byte[] CHECKSUM_KEY = ascii("\",\"checksum\":\"");
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    /**
     * The metadata exactly as our writer lays it out ({@code sequenceNumber, streamPosition, timestamp, prevEventHash?,
     * checksum}), matched as literal keys with the values checked eight bytes at a time. Accepts only what
     * {@link #object} accepts, with the same values; anything else (false) goes to {@link #object}.
     */
    private boolean canonical() {
        if (!literal(SEQUENCE_KEY) || (sequence = number()) < 0 || !literal(POSITION_KEY) || (streamPosition = number()) < 0
                || !literal(TIMESTAMP_KEY)) {
            return false;
        }
        timestampAt = i;
        if (!plainToQuote()) {
            return false;
        }
        timestampLength = i - timestampAt;
        if (literal(PREV_KEY)) {
            prevAt = i;
            if (!plainToQuote()) {
                return false;
            }
            prevLength = i - prevAt;
        }
        if (!literal(CHECKSUM_KEY)) {
            return false;
        }
        checksumAt = i;
        if (!plainToQuote()) {
            return false;
        }
        checksumLength = i - checksumAt;
        return end - i == 2 && b[i + 1] == '}';
    }

    private boolean literal(byte[] key) {
        if (end - i < key.length || !java.util.Arrays.equals(b, i, i + key.length, key, 0, key.length)) {
            return false;
        }
        i += key.length;
        return true;
    }

    /** Moves to the next quote; false if there is none or a byte before it is a backslash, a control or not ASCII. */
    private boolean plainToQuote() {
        byte[] bytes = b;
        int k = i;
        for (; k + 8 <= end; k += 8) {
            long x = (long) LONGS.get(bytes, k);
            long quote = zeroByte(x ^ 0x2222222222222222L);
            long bad = (x & HIGHS) | ((x - 0x2020202020202020L) & ~x & HIGHS) | zeroByte(x ^ 0x5c5c5c5c5c5c5c5cL);
            if ((quote | bad) != 0) {
                long firstQuote = quote & -quote; // the lowest hit of each mask is exact
                // no quote in these eight bytes, or a bad byte before it: not plain
                if (firstQuote == 0 || (bad & ((firstQuote << 1) - 1)) != 0) {
                    return false;
                }
                i = k + (Long.numberOfTrailingZeros(firstQuote) >>> 3);
                return true;
            }
        }
        for (; k < end; k++) {
            byte c = bytes[k];
            if (c == '"') {
                i = k;
                return true;
            }
            if (c == '\\' || c < 0x20) {
                return false;
            }
        }
        return false;
    }

    /** The high bit of each zero byte of {@code x} (exact for the lowest one; higher ones may be false hits). */
    private static long zeroByte(long x) {
        return (x - ONES) & ~x & HIGHS;
    }

    String timestamp() {
        return text(timestampAt, timestampLength);
    }

    String prevEventHash() {
        return text(prevAt, prevLength);
    }

    String checksum() {
        return text(checksumAt, checksumLength);
    }

    private String text(int at, int length) {
        return at < 0 ? null : new String(b, at, length, StandardCharsets.US_ASCII);
    }

    private static final int OTHER = 0;
    private static final int SEQUENCE = 1;
    private static final int POSITION = 2;
    private static final int TIMESTAMP = 3;
    private static final int PREV = 4;
    private static final int CHECKSUM = 5;
    private static final byte[][] KEYS = {null, ascii("sequenceNumber"), ascii("streamPosition"),
        ascii("timestamp"), ascii("prevEventHash"), ascii("checksum")};

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private boolean object() {
        if (!take('{')) {
            return false;
        }
        if (take('}')) {
            return i == end;
        }
        do {
            int key = key();
            if (key < 0 || !take(':') || !value(key)) {
                return false;
            }
        } while (take(','));
        return take('}') && i == end;
    }

    /** Which known key the next string is (compared as bytes, no String made), or -1 if malformed. */
    private int key() {
        int start = i + 1;
        if (!skipPlainString()) {
            return -1;
        }
        int len = i - 1 - start;
        for (int k = 1; k < KEYS.length; k++) {
            if (KEYS[k].length == len && java.util.Arrays.equals(b, start, start + len, KEYS[k], 0, len)) {
                return k;
            }
        }
        return OTHER;
    }

    /** Skips a string without escapes, control or non-ASCII characters (locals, not fields, in the hot loop). */
    private boolean skipPlainString() {
        if (!take('"')) {
            return false;
        }
        byte[] bytes = b;
        int limit = end;
        int k = i;
        while (k < limit) {
            byte c = bytes[k];
            if (c == '"') {
                i = k + 1;
                return true;
            }
            if (c == '\\' || c < 0x20) { // a negative byte is non-ASCII
                i = k;
                return false;
            }
            k++;
        }
        i = k;
        return false;
    }

    private boolean value(int key) {
        if (i < end && b[i] == '"') {
            int start = i + 1;
            if (!skipPlainString()) {
                return false;
            }
            int length = i - 1 - start;
            if (key == TIMESTAMP) {
                timestampAt = start;
                timestampLength = length;
            } else if (key == PREV) {
                prevAt = start;
                prevLength = length;
            } else if (key == CHECKSUM) {
                checksumAt = start;
                checksumLength = length;
            }
            return true;
        }
        long n = number();
        if (n < 0) {
            return false;
        }
        if (key == SEQUENCE) {
            sequence = n;
        } else if (key == POSITION) {
            streamPosition = n;
        }
        return true;
    }

    private long number() {
        byte[] bytes = b;
        int limit = end;
        int start = i;
        int k = start;
        long n = 0;
        while (k < limit && bytes[k] >= '0' && bytes[k] <= '9' && k - start < 18) {
            n = n * 10 + (bytes[k++] - '0');
        }
        i = k;
        boolean leadingZero = k - start > 1 && bytes[start] == '0';
        return k == start || leadingZero || (k < limit && bytes[k] != ',' && bytes[k] != '}') ? -1 : n;
    }

    private boolean take(char c) {
        if (i < end && b[i] == c) {
            i++;
            return true;
        }
        return false;
    }
}

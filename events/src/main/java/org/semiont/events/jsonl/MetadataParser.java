package org.semiont.events.jsonl;

import java.nio.charset.StandardCharsets;

import java.nio.charset.StandardCharsets;

/**
 * A fast path for the metadata object as both writers produce it: flat, keys and string values
 * without escapes, integer numbers. Returns null for anything else so the caller falls back to a
 * full JSON parser; it never accepts what a JSON parser would reject.
 */
final class MetadataParser {
    long sequence = -1;
    long streamPosition;
    String timestamp;
    String prevEventHash;
    String checksum;

    private final byte[] b;
    private int i;
    private final int end;

    private MetadataParser(byte[] b, int off, int len) {
        this.b = b;
        this.i = off;
        this.end = off + len;
    }

    static MetadataParser parse(byte[] b, int off, int len) {
        MetadataParser p = new MetadataParser(b, off, len);
        return p.object() ? p : null;
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

    private boolean skipPlainString() {
        if (!take('"')) {
            return false;
        }
        while (i < end && b[i] != '"') {
            if (b[i] == '\\' || (b[i] & 0xff) < 0x20 || b[i] < 0) {
                return false;
            }
            i++;
        }
        if (i >= end) {
            return false;
        }
        i++;
        return true;
    }

    private boolean value(int key) {
        if (i < end && b[i] == '"') {
            String v = string();
            if (v == null) {
                return false;
            }
            if (key == TIMESTAMP) {
                timestamp = v;
            } else if (key == PREV) {
                prevEventHash = v;
            } else if (key == CHECKSUM) {
                checksum = v;
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
        int start = i;
        long n = 0;
        while (i < end && b[i] >= '0' && b[i] <= '9' && i - start < 18) {
            n = n * 10 + (b[i++] - '0');
        }
        boolean leadingZero = i - start > 1 && b[start] == '0';
        return i == start || leadingZero || (i < end && b[i] != ',' && b[i] != '}') ? -1 : n;
    }

    private String string() {
        if (!take('"')) {
            return null;
        }
        int start = i;
        while (i < end && b[i] != '"') {
            if (b[i] == '\\' || (b[i] & 0xff) < 0x20 || b[i] < 0) {
                return null;
            }
            i++;
        }
        if (i >= end) {
            return null;
        }
        String s = new String(b, start, i - start, StandardCharsets.US_ASCII);
        i++;
        return s;
    }

    private boolean take(char c) {
        if (i < end && b[i] == c) {
            i++;
            return true;
        }
        return false;
    }
}

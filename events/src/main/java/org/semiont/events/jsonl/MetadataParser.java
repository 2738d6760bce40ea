package org.semiont.events.jsonl;

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

    private boolean object() {
        if (!take('{')) {
            return false;
        }
        if (take('}')) {
            return i == end;
        }
        do {
            String key = string();
            if (key == null || !take(':') || !value(key)) {
                return false;
            }
        } while (take(','));
        return take('}') && i == end;
    }

    private boolean value(String key) {
        if (i < end && b[i] == '"') {
            String v = string();
            if (v == null) {
                return false;
            }
            switch (key) {
                case "timestamp": timestamp = v; break;
                case "prevEventHash": prevEventHash = v; break;
                case "checksum": checksum = v; break;
                default: break;
            }
            return true;
        }
        long n = number();
        if (n < 0) {
            return false;
        }
        if (key.equals("sequenceNumber")) {
            sequence = n;
        } else if (key.equals("streamPosition")) {
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

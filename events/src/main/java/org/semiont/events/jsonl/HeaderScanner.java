package org.semiont.events.jsonl;

import java.nio.charset.StandardCharsets;

/**
 * Reads the event object's top-level string fields by skipping nested values without building
 * them. Returns null whenever it meets something it does not handle (escapes in a wanted string,
 * unexpected bytes), and the caller then uses a full JSON parser.
 */
final class HeaderScanner {
    private final byte[] b;
    private final int end;
    private int i;
    private String type;
    private String userId;
    private String documentId;
    private String id;
    private String timestamp;

    private HeaderScanner(byte[] b, int off, int len) {
        this.b = b;
        this.i = off;
        this.end = off + len;
    }

    static EventHeader scan(byte[] b, int off, int len) {
        HeaderScanner s = new HeaderScanner(b, off, len);
        return s.object() ? new EventHeader(s.type, s.userId, s.documentId, s.id, s.timestamp) : null;
    }

    private boolean object() {
        if (!take('{')) {
            return false;
        }
        if (take('}')) {
            return true;
        }
        do {
            String key = plainString();
            if (key == null || !take(':') || !value(key)) {
                return false;
            }
        } while (take(','));
        return take('}') && i == end;
    }

    private boolean value(String key) {
        if (i >= end) {
            return false;
        }
        byte c = b[i];
        if (c == '"') {
            if (!wanted(key)) {
                return skipString();
            }
            String v = plainString();
            if (v == null) {
                return false;
            }
            assign(key, v);
            return true;
        }
        if (c == '{' || c == '[') {
            int after = JsonScan.endOfValue(b, i);
            if (after < 0 || after > end) {
                return false;
            }
            i = after;
            return true;
        }
        while (i < end && b[i] != ',' && b[i] != '}') {
            i++;
        }
        return i < end;
    }

    private static boolean wanted(String key) {
        return key.equals("type") || key.equals("userId") || key.equals("documentId") || key.equals("id")
                || key.equals("timestamp");
    }

    private void assign(String key, String v) {
        switch (key) {
            case "type": type = v; break;
            case "userId": userId = v; break;
            case "documentId": documentId = v; break;
            case "id": id = v; break;
            default: timestamp = v;
        }
    }

    private boolean skipString() {
        i++;
        while (i < end) {
            if (b[i] == '\\') {
                i += 2;
            } else if (b[i] == '"') {
                i++;
                return true;
            } else {
                i++;
            }
        }
        return false;
    }

    /** A string without escapes (any UTF-8 otherwise), or null. */
    private String plainString() {
        if (!take('"')) {
            return null;
        }
        int start = i;
        while (i < end && b[i] != '"') {
            if (b[i] == '\\') {
                return null;
            }
            i++;
        }
        if (i >= end) {
            return null;
        }
        String s = new String(b, start, i - start, StandardCharsets.UTF_8);
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

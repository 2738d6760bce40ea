package org.semiont.events.jsonl;

/**
 * Finds where a JSON object or array ends by counting brackets outside strings. Works on UTF-8
 * bytes because multi-byte sequences never contain ASCII bytes.
 */
final class JsonScan {
    private JsonScan() {
    }

    /** Index just after the object/array starting at {@code start}, or -1 if it does not close. */
    static int endOfValue(byte[] b, int start) {
        if (start >= b.length || (b[start] != '{' && b[start] != '[')) {
            return -1;
        }
        int depth = 0;
        boolean inString = false;
        for (int i = start; i < b.length; i++) {
            byte c = b[i];
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
                if (depth == 0) {
                    return i + 1;
                }
            }
        }
        return -1;
    }
}

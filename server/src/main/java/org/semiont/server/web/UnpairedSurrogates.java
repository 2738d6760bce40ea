package org.semiont.server.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.semiont.server.util.JsonStrings;

/**
 * A JSON string may escape half of a surrogate pair on its own ({@code "\ud800"}): valid JSON syntax, but not Unicode
 * text. Stored, it would become "?" in PostgreSQL and in the content bytes while the event log kept the escape, so the
 * projection would silently differ from the log. Requests with one are refused instead (I-JSON, RFC 7493, forbids
 * them). Raw bytes cannot carry one: they are not UTF-8, and the JSON parser refuses them already.
 */
public final class UnpairedSurrogates {
    private UnpairedSurrogates() {
    }

    /** Whether JSON bytes may hold an escaped surrogate ({@code \ud800}–{@code \udfff}); false means they cannot. */
    public static boolean mayBeIn(byte[] json) {
        for (int i = 0; i + 3 < json.length; i++) {
            if (json[i] == '\\' && json[i + 1] == 'u' && (json[i + 2] | 0x20) == 'd') {
                int c = json[i + 3] | 0x20;
                if (c == '8' || c == '9' || (c >= 'a' && c <= 'f')) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The first string or field name in the tree with an unpaired surrogate, or null when there is none. */
    public static String firstIn(JsonNode n) {
        return JsonStrings.first(n, UnpairedSurrogates::unpaired);
    }

    /** {@code s} with each unpaired surrogate written as its JSON escape, so an error message can show where it is. */
    public static String escaped(String s) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                out.append(c).append(s.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    static boolean unpaired(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}

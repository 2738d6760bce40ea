package org.semiont.server.protocol.turtle;

/** Turtle's lexical escaping: IRIREF and STRING_LITERAL_QUOTE, the only two token kinds that carry our data. */
final class TurtleText {
    private static final String IRI_FORBIDDEN = "<>\"{}|^`\\";

    private TurtleText() {
    }

    /**
     * {@code <iri>}. Characters IRIREF forbids (controls, space, {@code <>"{}|^`\}) are written as UCHAR escapes
     * rather than percent-encoded, because percent-encoding would name a different resource than the JSON-LD.
     */
    static String iri(String iri) {
        StringBuilder out = new StringBuilder(iri.length() + 2).append('<');
        for (int i = 0; i < iri.length(); i++) {
            char c = iri.charAt(i);
            if (Character.isSurrogate(c)) {
                i = surrogate(iri, i, out);
            } else if (c <= 0x20 || IRI_FORBIDDEN.indexOf(c) >= 0) {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('>').toString();
    }

    /** {@code "text"} with the escapes a double-quoted Turtle string needs. */
    static String string(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (Character.isSurrogate(c)) {
                        i = surrogate(s, i, out);
                    } else if (c < 0x20 || c == 0x7F) {
                        out.append(String.format("\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** A valid pair is copied; a lone surrogate (legal in JSON text, not in RDF) becomes U+FFFD. Returns the last index used. */
    private static int surrogate(String s, int i, StringBuilder out) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
            out.append(c).append(s.charAt(i + 1));
            return i + 1;
        }
        out.append('\uFFFD');
        return i;
    }
}

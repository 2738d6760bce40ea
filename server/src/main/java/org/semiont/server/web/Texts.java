package org.semiont.server.web;

/** Client-supplied text shown in an error message: cut so a huge value cannot fill the answer. */
public final class Texts {
    private Texts() {
    }

    /**
     * {@code s} as is when it has at most {@code max} characters, else its first {@code max} (one fewer rather than
     * half of a surrogate pair) and an ellipsis.
     */
    public static String abbreviate(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
        return s.substring(0, end) + "…";
    }
}

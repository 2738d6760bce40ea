package org.semiont.server.http;

/** Client-supplied text shown in an error message: cut so a huge value cannot fill the answer. */
public final class Texts {
    private Texts() {
    }

    /** {@code s} as is when it has at most {@code max} characters, else its first {@code max} and an ellipsis. */
    public static String abbreviate(String s, int max) {
        return s.length() > max ? s.substring(0, max) + "…" : s;
    }
}

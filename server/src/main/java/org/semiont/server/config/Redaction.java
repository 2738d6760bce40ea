package org.semiont.server.config;

import java.util.regex.Pattern;

/**
 * Removes secrets from text before it is shown or logged: passwords in URLs
 * ({@code user:secret@host}), {@code password=…} parameters and JSON {@code "password":"…"} pairs.
 */
public final class Redaction {
    public static final String MASK = "****";
    private static final Pattern URL_PASSWORD = Pattern.compile("(://[^:/@\\s]*:)[^@\\s]*(@)");
    private static final Pattern PARAM_PASSWORD = Pattern.compile("(?i)((?:password|passwd|pwd|secret|token)=)[^&\\s,;]*");
    private static final Pattern JSON_PASSWORD = Pattern.compile("(?i)(\"(?:password|secret|token)\"\\s*:\\s*\")(?:[^\"\\\\]|\\\\.)*(\")");

    private Redaction() {
    }

    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = URL_PASSWORD.matcher(text).replaceAll("$1" + MASK + "$2");
        out = PARAM_PASSWORD.matcher(out).replaceAll("$1" + MASK);
        return JSON_PASSWORD.matcher(out).replaceAll("$1" + MASK + "$2");
    }
}

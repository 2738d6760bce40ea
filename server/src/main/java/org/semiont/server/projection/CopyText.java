package org.semiont.server.projection;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Builds rows in PostgreSQL's COPY text format: tab-separated fields, {@code \N} for NULL, and backslash
 * escapes for backslash, tab, newline and carriage return (any of which may occur inside JSON strings).
 */
public final class CopyText {
    private final StringBuilder out;
    private boolean firstField = true;

    public CopyText(StringBuilder out) {
        this.out = out;
    }

    public CopyText text(String value) {
        separate();
        if (value == null) {
            out.append("\\N");
        } else {
            escape(value);
        }
        return this;
    }

    public CopyText bool(boolean value) {
        separate();
        out.append(value ? 't' : 'f');
        return this;
    }

    public CopyText number(long value) {
        separate();
        out.append(value);
        return this;
    }

    /** Full ISO text so PostgreSQL rounds exactly as it does for a bound {@code LocalDateTime}. */
    public CopyText time(LocalDateTime value) {
        return text(value == null ? null : DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(value));
    }

    /** A {@code text[]} literal: every element double-quoted, so commas, braces and spaces need no thought. */
    public CopyText array(List<String> values) {
        StringBuilder a = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                a.append(',');
            }
            a.append('"');
            String v = values.get(i);
            for (int j = 0; j < v.length(); j++) {
                char ch = v.charAt(j);
                if (ch == '"' || ch == '\\') {
                    a.append('\\');
                }
                a.append(ch);
            }
            a.append('"');
        }
        return text(a.append('}').toString());
    }

    /** Most values have nothing to escape: appending them whole is a bulk copy instead of a per-char loop. */
    private static boolean needsEscape(String v) {
        for (int i = 0; i < v.length(); i++) {
            char ch = v.charAt(i);
            if (ch == '\\' || ch == '\t' || ch == '\n' || ch == '\r') {
                return true;
            }
        }
        return false;
    }

    void endRow() {
        out.append('\n');
        firstField = true;
    }

    private void separate() {
        if (!firstField) {
            out.append('\t');
        }
        firstField = false;
    }

    private void escape(String v) {
        if (!needsEscape(v)) {
            out.append(v);
            return;
        }
        for (int i = 0; i < v.length(); i++) {
            char ch = v.charAt(i);
            switch (ch) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(ch);
            }
        }
    }
}

package org.semiont.studio.history;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fold results as the text PostgreSQL prints for their columns (what the row view shows of the live row): booleans as
 * {@code t}/{@code f}, timestamps without trailing zeros, text arrays in braces. The folds' row records name their
 * components after the table's columns.
 */
public final class PgText {
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private PgText() {
    }

    /** Each component of a row record, by name, as column text. */
    static Map<String, String> columns(Record row) {
        Map<String, String> out = new LinkedHashMap<>();
        for (RecordComponent c : row.getClass().getRecordComponents()) {
            try {
                out.put(c.getName(), text(c.getAccessor().invoke(row)));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + c.getName() + " of " + row.getClass().getSimpleName(), e);
            }
        }
        return out;
    }

    static String text(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof Boolean b) {
            return b ? "t" : "f";
        }
        if (v instanceof LocalDateTime t) {
            return timestamp(t);
        }
        if (v instanceof List<?> l) {
            return array(l);
        }
        return v.toString();
    }

    static String timestamp(LocalDateTime t) {
        String s = SECONDS.format(t);
        int micros = t.getNano() / 1000;
        if (micros == 0) {
            return s;
        }
        String fraction = String.format("%06d", micros).replaceAll("0+$", "");
        return s + "." + fraction;
    }

    static String array(List<?> items) {
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(element(String.valueOf(items.get(i))));
        }
        return b.append('}').toString();
    }

    /**
     * A one-dimensional array's text as its elements (NULL as null), whether the elements are quoted or not: the JDBC
     * driver prints {@code {"a"}} for what PostgreSQL prints as {@code {a}} once a statement is read in binary.
     * Null when the text is not an array.
     */
    public static List<String> parseArray(String text) {
        if (text == null || text.length() < 2 || text.charAt(0) != '{' || text.charAt(text.length() - 1) != '}') {
            return null;
        }
        List<String> out = new java.util.ArrayList<>();
        String inner = text.substring(1, text.length() - 1);
        int i = 0;
        while (i < inner.length()) {
            StringBuilder b = new StringBuilder();
            boolean quoted = inner.charAt(i) == '"';
            if (quoted) {
                i++;
                while (i < inner.length() && inner.charAt(i) != '"') {
                    if (inner.charAt(i) == '\\' && i + 1 < inner.length()) {
                        i++;
                    }
                    b.append(inner.charAt(i++));
                }
                i++; // the closing quote
            } else {
                while (i < inner.length() && inner.charAt(i) != ',') {
                    b.append(inner.charAt(i++));
                }
            }
            String v = b.toString();
            out.add(!quoted && v.equalsIgnoreCase("NULL") ? null : v);
            i++; // the comma
        }
        return out;
    }

    private static String element(String s) {
        boolean quote = s.isEmpty() || s.equalsIgnoreCase("NULL") || s.chars().anyMatch(c -> c == ',' || c == '"' || c == '\\'
                || c == '{' || c == '}' || Character.isWhitespace(c));
        if (!quote) {
            return s;
        }
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}

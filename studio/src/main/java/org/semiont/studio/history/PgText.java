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
final class PgText {
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

    private static String element(String s) {
        boolean quote = s.isEmpty() || s.equalsIgnoreCase("NULL") || s.chars().anyMatch(c -> c == ',' || c == '"' || c == '\\'
                || c == '{' || c == '}' || Character.isWhitespace(c));
        if (!quote) {
            return s;
        }
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}

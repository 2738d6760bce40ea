package org.semiont.schema.target;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Prisma's default constraint and index names, cut like Prisma cuts them so the whole name fits PostgreSQL's
 * 63-byte identifier limit; and PostgreSQL's own name for a serial column's sequence.
 */
public final class ConstraintNames {
    static final int MAX_IDENTIFIER_BYTES = 63;

    private ConstraintNames() {
    }

    public static String primaryKey(String table) {
        return withSuffix(table, "_pkey");
    }

    public static String uniqueIndex(String table, List<String> columns) {
        return withSuffix(table + "_" + String.join("_", columns), "_key");
    }

    public static String index(String table, List<String> columns) {
        return withSuffix(table + "_" + String.join("_", columns), "_idx");
    }

    public static String foreignKey(String table, List<String> columns) {
        return withSuffix(table + "_" + String.join("_", columns), "_fkey");
    }

    /** PostgreSQL's choice for a serial column: table_column_seq, shortening the longer part first. */
    public static String sequence(String table, String column) {
        int available = MAX_IDENTIFIER_BYTES - "_seq".length() - 1;
        int a = bytes(table);
        int b = bytes(column);
        while (a + b > available) {
            if (a > b) {
                a--;
            } else {
                b--;
            }
        }
        return clip(table, a) + "_" + clip(column, b) + "_seq";
    }

    private static String withSuffix(String base, String suffix) {
        int limit = MAX_IDENTIFIER_BYTES - suffix.length();
        return (bytes(base) > limit ? clip(base, limit) : base) + suffix;
    }

    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /** The longest prefix of {@code s} with at most {@code maxBytes} UTF-8 bytes, never splitting a character. */
    static String clip(String s, int maxBytes) {
        int used = 0;
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            int len = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (used + len > maxBytes) {
                break;
            }
            used += len;
            i += Character.charCount(cp);
        }
        return s.substring(0, i);
    }
}

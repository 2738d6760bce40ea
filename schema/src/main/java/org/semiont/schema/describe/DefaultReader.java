package org.semiont.schema.describe;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.semiont.schema.sql.ColumnDefault;
import org.semiont.schema.sql.ColumnType;
import org.semiont.schema.sql.PgType;

/** Turns a default as PostgreSQL prints it (pg_get_expr) into the normal-form {@link ColumnDefault}. */
final class DefaultReader {
    private static final Pattern NEXTVAL = Pattern.compile("^nextval\\('(.+)'::regclass\\)$");
    private static final Pattern CAST_LITERAL = Pattern.compile("^'((?:[^']|'')*)'(?:::[\\w .\"\\[\\](),]+)?$", Pattern.DOTALL);
    private static final Pattern NUMBER = Pattern.compile("^\\(?-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?\\)?(::[\\w ]+)?$");
    private static final Pattern EMPTY_ARRAY = Pattern.compile("^ARRAY\\[\\]::[\\w .\"\\[\\](),]+$");

    private DefaultReader() {
    }

    static ColumnDefault read(String expr, ColumnType type) {
        if (expr == null) {
            return null;
        }
        String e = expr.trim();
        Matcher nextval = NEXTVAL.matcher(e);
        if (nextval.matches()) {
            return new ColumnDefault.Sequence(unqualify(nextval.group(1)));
        }
        String lower = e.toLowerCase(Locale.ROOT);
        if (lower.equals("current_timestamp") || lower.equals("now()")) {
            return new ColumnDefault.Now();
        }
        if (lower.equals("true") || lower.equals("false")) {
            return new ColumnDefault.BooleanValue(lower.equals("true"));
        }
        if (EMPTY_ARRAY.matcher(e).matches()) {
            return new ColumnDefault.ListValue("{}");
        }
        Matcher literal = CAST_LITERAL.matcher(e);
        if (literal.matches()) {
            return fromLiteral(literal.group(1).replace("''", "'"), type);
        }
        if (NUMBER.matcher(e).matches()) {
            return new ColumnDefault.NumberValue(e.replaceAll("::[\\w ]+$", "").replace("(", "").replace(")", ""));
        }
        return new ColumnDefault.Expression(e);
    }

    private static ColumnDefault fromLiteral(String content, ColumnType type) {
        if (type.array()) {
            return new ColumnDefault.ListValue(content);
        }
        if (type.base() == PgType.ENUM) {
            return new ColumnDefault.EnumValue(content);
        }
        if (isNumeric(type.base())) {
            return new ColumnDefault.NumberValue(content);
        }
        if (type.base() == PgType.BOOLEAN) {
            return new ColumnDefault.BooleanValue(content.equalsIgnoreCase("true") || content.equalsIgnoreCase("t"));
        }
        return new ColumnDefault.StringValue(content);
    }

    static boolean isNumeric(PgType base) {
        return switch (base) {
            case SMALLINT, INTEGER, BIGINT, OID, REAL, DOUBLE_PRECISION, DECIMAL -> true;
            default -> false;
        };
    }

    /** "public"."T_id_seq" or T_id_seq → T_id_seq. */
    static String unqualify(String sequence) {
        String name = sequence;
        int dot = lastDotOutsideQuotes(name);
        if (dot >= 0) {
            name = name.substring(dot + 1);
        }
        if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
            return name.substring(1, name.length() - 1).replace("\"\"", "\"");
        }
        return name;
    }

    private static int lastDotOutsideQuotes(String s) {
        boolean quoted = false;
        int last = -1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '.' && !quoted) {
                last = i;
            }
        }
        return last;
    }
}

package org.semiont.schema.pull;

import java.util.ArrayList;
import java.util.List;
import org.semiont.schema.psl.Exprs;
import org.semiont.schema.sql.Column;
import org.semiont.schema.sql.ColumnDefault;
import org.semiont.schema.sql.PgType;

/** A database default → the text inside @default(…). */
final class DefaultText {
    private DefaultText() {
    }

    static String of(Column c, PullNames names) {
        ColumnDefault d = c.defaultValue();
        if (d instanceof ColumnDefault.Now) {
            return "now()";
        }
        if (d instanceof ColumnDefault.ListValue) {
            List<String> items = new ArrayList<>();
            for (String item : parseArray(((ColumnDefault.ListValue) d).pgText())) {
                items.add(element(c, item, names));
            }
            return "[" + String.join(", ", items) + "]";
        }
        if (d instanceof ColumnDefault.Expression) {
            return "dbgenerated(" + Exprs.quote(((ColumnDefault.Expression) d).sql()) + ")";
        }
        return scalar(c, d, names);
    }

    private static String scalar(Column c, ColumnDefault d, PullNames names) {
        if (d instanceof ColumnDefault.StringValue) {
            return Exprs.quote(((ColumnDefault.StringValue) d).value());
        }
        if (d instanceof ColumnDefault.NumberValue) {
            return ((ColumnDefault.NumberValue) d).value();
        }
        if (d instanceof ColumnDefault.BooleanValue) {
            return String.valueOf(((ColumnDefault.BooleanValue) d).value());
        }
        if (d instanceof ColumnDefault.EnumValue) {
            return names.enumValueName(c.type().enumName(), ((ColumnDefault.EnumValue) d).value());
        }
        throw new IllegalArgumentException("no PSL default for " + d);
    }

    private static String element(Column c, String item, PullNames names) {
        PgType base = c.type().base();
        switch (base) {
            case ENUM: return names.enumValueName(c.type().enumName(), item);
            case BOOLEAN: return item.startsWith("t") ? "true" : "false";
            case SMALLINT: case INTEGER: case BIGINT: case REAL: case DOUBLE_PRECISION: case DECIMAL: case OID: return item;
            default: return Exprs.quote(item);
        }
    }

    /** Splits PostgreSQL array text {a,"b c"} into its unquoted elements. */
    static List<String> parseArray(String text) {
        List<String> out = new ArrayList<>();
        String body = text.strip();
        if (body.length() < 2 || body.equals("{}")) {
            return out;
        }
        body = body.substring(1, body.length() - 1);
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < body.length(); i++) {
            char ch = body.charAt(i);
            if (ch == '\\' && i + 1 < body.length()) {
                cur.append(body.charAt(++i));
            } else if (ch == '"') {
                quoted = !quoted;
            } else if (ch == ',' && !quoted) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        out.add(cur.toString());
        return out;
    }
}

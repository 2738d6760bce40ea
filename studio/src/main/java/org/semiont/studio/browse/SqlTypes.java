package org.semiont.studio.browse;

import org.semiont.schema.sql.Column;
import org.semiont.schema.sql.Identifiers;
import org.semiont.schema.sql.PgType;
import org.semiont.schema.sql.Table;

/** What the studio may do with a column, decided from its described type. Values travel as text and are cast in SQL. */
public final class SqlTypes {
    private SqlTypes() {
    }

    /** {@code CAST(? AS type)}: a bound text value turned into the column's type by PostgreSQL. */
    public static String param(Table table, Column c) {
        return "CAST(? AS " + castType(table, c) + ")";
    }

    static String castType(Table table, Column c) {
        String base = switch (c.type().base()) {
            case ENUM -> Identifiers.quote(table.namespace()) + "." + Identifiers.quote(c.type().enumName());
            case UNSUPPORTED -> "TEXT";
            default -> c.type().base().sql();
        };
        return c.type().array() ? base + "[]" : base;
    }

    /** The element type of an array column, for "has" filters. */
    static String elementType(Table table, Column c) {
        String t = castType(table, c);
        return t.endsWith("[]") ? t.substring(0, t.length() - 2) : t;
    }

    public static boolean isJson(Column c) {
        return !c.type().array() && (c.type().base() == PgType.JSON || c.type().base() == PgType.JSONB);
    }

    /** JSON has no ordering or equality in PostgreSQL; bytes and unknown types are not compared either. */
    public static boolean sortable(Column c) {
        PgType b = c.type().base();
        return b != PgType.JSON && b != PgType.BYTEA && b != PgType.UNSUPPORTED && b != PgType.XML;
    }

    public static boolean isText(Column c) {
        PgType b = c.type().base();
        return !c.type().array() && (b == PgType.TEXT || b == PgType.VARCHAR || b == PgType.CHAR || b == PgType.CITEXT);
    }

    public static boolean isBoolean(Column c) {
        return !c.type().array() && c.type().base() == PgType.BOOLEAN;
    }

    /** How the column's type reads in the table header, e.g. TEXT[], JSONB, "Role". */
    public static String label(Column c) {
        String base = c.type().base() == PgType.ENUM ? c.type().enumName()
                : c.type().base() == PgType.UNSUPPORTED ? c.type().unsupported() : c.type().base().sql();
        return base + (c.type().array() ? "[]" : "") + (c.nullable() ? "?" : "");
    }
}

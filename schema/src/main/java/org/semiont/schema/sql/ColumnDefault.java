package org.semiont.schema.sql;

/**
 * A database-level column default, normalised so that a default computed from PSL and one read
 * back from pg_catalog compare equal.
 */
public sealed interface ColumnDefault {
    /** A string literal (unquoted content). */
    record StringValue(String value) implements ColumnDefault { }

    /** A number, in its canonical text (e.g. "1", "1.5", "-3"). */
    record NumberValue(String value) implements ColumnDefault { }

    record BooleanValue(boolean value) implements ColumnDefault { }

    /** An enum value of the column's enum type. */
    record EnumValue(String value) implements ColumnDefault { }

    /** {@code now()} / CURRENT_TIMESTAMP. */
    record Now() implements ColumnDefault { }

    /** An empty array literal '{}' (PSL {@code @default([])}) or other list literal in PostgreSQL text form. */
    record ListValue(String pgText) implements ColumnDefault { }

    /** {@code nextval('seq'::regclass)}: the sequence name (unqualified). */
    record Sequence(String sequenceName) implements ColumnDefault { }

    /** Any other expression, as PostgreSQL prints it (pg_get_expr); PSL {@code dbgenerated("…")}. */
    record Expression(String sql) implements ColumnDefault { }
}

package org.semiont.schema.sql;

/** Quoting of SQL identifiers and literals. */
public final class Identifiers {
    private Identifiers() {
    }

    /** Double-quotes an identifier, doubling embedded quotes: my"t → "my""t". */
    public static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** Single-quotes a string literal, doubling embedded quotes. */
    public static String literal(String value) {
        return '\'' + value.replace("'", "''") + '\'';
    }
}

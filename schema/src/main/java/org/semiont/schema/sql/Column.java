package org.semiont.schema.sql;

/**
 * A column. {@code defaultValue} is null when the column has no database default.
 * {@code autoincrement} is true for a column fed by a sequence (serial/nextval) or an identity.
 */
public record Column(String name, ColumnType type, boolean nullable, ColumnDefault defaultValue, boolean autoincrement) {
    public Column {
        SqlSchema.requireName(name, "column name");
        java.util.Objects.requireNonNull(type, "type");
    }
}

package org.semiont.schema.sql;

import java.util.List;
import java.util.Optional;

/**
 * A table. {@code primaryKey} is null for a table without one.
 * Columns keep their database order; indexes and foreign keys are sorted by name.
 */
public record Table(String namespace, String name, List<Column> columns, PrimaryKey primaryKey,
                    List<Index> indexes, List<ForeignKey> foreignKeys) {
    public Table {
        SqlSchema.requireName(namespace, "namespace");
        SqlSchema.requireName(name, "table name");
        columns = List.copyOf(columns);
        indexes = List.copyOf(indexes);
        foreignKeys = List.copyOf(foreignKeys);
    }

    public Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    /** "namespace"."name", quoted for SQL. */
    public String qualifiedName() {
        return Identifiers.quote(namespace) + "." + Identifiers.quote(name);
    }
}

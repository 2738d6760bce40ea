package org.semiont.schema.sql;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A PostgreSQL schema as plain data: what {@code target} computes from PSL and what {@code describe}
 * reads from pg_catalog. Both sides must produce the same value for the same database shape, so the
 * differ can compare them with equals.
 *
 * @param namespaces the PostgreSQL schemas covered (e.g. ["public"])
 */
public record SqlSchema(List<String> namespaces, List<Table> tables, List<EnumType> enums) {
    public SqlSchema {
        namespaces = List.copyOf(namespaces);
        tables = List.copyOf(tables);
        enums = List.copyOf(enums);
    }

    public static SqlSchema empty(List<String> namespaces) {
        return new SqlSchema(namespaces, List.of(), List.of());
    }

    public Optional<Table> table(String namespace, String name) {
        return tables.stream().filter(t -> t.namespace().equals(namespace) && t.name().equals(name)).findFirst();
    }

    public Optional<EnumType> enumType(String namespace, String name) {
        return enums.stream().filter(e -> e.namespace().equals(namespace) && e.name().equals(name)).findFirst();
    }

    static String requireName(String name, String what) {
        Objects.requireNonNull(name, what);
        if (name.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        return name;
    }
}

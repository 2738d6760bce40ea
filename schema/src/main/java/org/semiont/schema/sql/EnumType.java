package org.semiont.schema.sql;

import java.util.List;

/** A PostgreSQL enum type with its values in declaration order. */
public record EnumType(String namespace, String name, List<String> values) {
    public EnumType {
        SqlSchema.requireName(namespace, "namespace");
        SqlSchema.requireName(name, "enum name");
        values = List.copyOf(values);
    }
}

package org.semiont.schema.psl;

import java.util.List;

/**
 * The datasource block; {@code url} is the literal or the {@code env("X")} text as written.
 * {@code relationMode} is {@code "prisma"} when relations are kept by the client, without database foreign keys
 * (null or {@code "foreignKeys"} otherwise).
 */
public record Datasource(String name, String provider, String url, List<String> schemas, String relationMode) {
    public Datasource {
        schemas = List.copyOf(schemas);
    }

    public Datasource(String name, String provider, String url, List<String> schemas) {
        this(name, provider, url, schemas, null);
    }

    /** Relations become no database foreign keys. */
    public boolean relationsWithoutForeignKeys() {
        return "prisma".equals(relationMode);
    }
}

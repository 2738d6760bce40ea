package org.semiont.schema.psl;

import java.util.List;

/** The datasource block; {@code url} is the literal or the {@code env("X")} text as written. */
public record Datasource(String name, String provider, String url, List<String> schemas) {
    public Datasource {
        schemas = List.copyOf(schemas);
    }
}

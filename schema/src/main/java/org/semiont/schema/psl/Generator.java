package org.semiont.schema.psl;

import java.util.Map;

/** A generator block: accepted and kept (for pull), otherwise ignored. Properties keep their source text. */
public record Generator(String name, Map<String, String> properties, Span span) {
    public Generator {
        properties = Map.copyOf(properties);
    }
}

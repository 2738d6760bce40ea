package org.semiont.schema.psl;

import java.util.Map;

/** A generator block: accepted and kept (for pull), otherwise ignored. Properties keep their source text and order. */
public record Generator(String name, Map<String, String> properties, Span span) {
    public Generator {
        properties = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(properties));
    }
}

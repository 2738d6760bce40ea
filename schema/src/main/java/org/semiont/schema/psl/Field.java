package org.semiont.schema.psl;

import java.util.List;
import java.util.Optional;

/** A model field with its attributes; {@code documentation} holds its /// comment lines (or null). */
public record Field(String name, FieldType type, List<Attribute> attributes, String documentation, Span span) {
    public Field {
        attributes = List.copyOf(attributes);
    }

    public Optional<Attribute> attribute(String attributeName) {
        for (Attribute a : attributes) {
            if (a.name().equals(attributeName)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** The column name: {@code @map("x")} or the field name. */
    public String columnName() {
        return attribute("map").flatMap(a -> a.arg("name", 0))
                .filter(Expr.StringLit.class::isInstance).map(e -> ((Expr.StringLit) e).value()).orElse(name);
    }
}

package org.semiont.schema.psl;

import java.util.List;
import java.util.Optional;

/** A model block; {@code attributes} are its block attributes (@@id, @@map …). */
public record Model(String name, List<Field> fields, List<Attribute> attributes, String documentation, Span span) {
    public Model {
        fields = List.copyOf(fields);
        attributes = List.copyOf(attributes);
    }

    public Optional<Field> field(String fieldName) {
        for (Field f : fields) {
            if (f.name().equals(fieldName)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    public Optional<Attribute> attribute(String attributeName) {
        for (Attribute a : attributes) {
            if (a.name().equals(attributeName)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    public List<Attribute> attributes(String attributeName) {
        return attributes.stream().filter(a -> a.name().equals(attributeName)).toList();
    }

    /** The table name: {@code @@map("x")} or the model name. */
    public String tableName() {
        return attribute("map").flatMap(a -> a.arg("name", 0))
                .filter(Expr.StringLit.class::isInstance).map(e -> ((Expr.StringLit) e).value()).orElse(name);
    }

    public boolean ignored() {
        return attribute("ignore").isPresent();
    }
}

package org.semiont.schema.psl;

import java.util.List;
import java.util.Optional;

/** An enum block. */
public record EnumDef(String name, List<EnumValue> values, List<Attribute> attributes, String documentation, Span span) {
    public EnumDef {
        values = List.copyOf(values);
        attributes = List.copyOf(attributes);
    }

    public Optional<Attribute> attribute(String attributeName) {
        return attributes.stream().filter(a -> a.name().equals(attributeName)).findFirst();
    }

    /** The database enum name: {@code @@map("x")} or the enum name. */
    public String dbName() {
        return attribute("map").flatMap(a -> a.arg("name", 0))
                .filter(Expr.StringLit.class::isInstance).map(e -> ((Expr.StringLit) e).value()).orElse(name);
    }

    /** One enum value; {@code dbName} is its {@code @map} or its name. */
    public record EnumValue(String name, String dbName, String documentation, Span span) { }
}

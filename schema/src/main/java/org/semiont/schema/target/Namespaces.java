package org.semiont.schema.target;

import java.util.List;
import org.semiont.schema.psl.Attribute;
import org.semiont.schema.psl.EnumDef;
import org.semiont.schema.psl.Expr;
import org.semiont.schema.psl.Model;
import org.semiont.schema.psl.PrismaSchema;

/** Which PostgreSQL schema each model and enum lives in: its @@schema, or the default namespace. */
final class Namespaces {
    private final List<String> all;
    private final String defaultNamespace;

    Namespaces(PrismaSchema schema, String defaultNamespace) {
        List<String> listed = schema.datasource() == null ? List.of() : schema.datasource().schemas();
        this.all = listed.isEmpty() ? List.of(defaultNamespace) : listed;
        this.defaultNamespace = listed.isEmpty() ? defaultNamespace : listed.get(0);
    }

    List<String> all() {
        return all;
    }

    String of(Model m) {
        return of(m.attribute("schema").orElse(null));
    }

    String of(EnumDef e) {
        return of(e.attribute("schema").orElse(null));
    }

    private String of(Attribute schemaAttribute) {
        if (schemaAttribute == null) {
            return defaultNamespace;
        }
        return schemaAttribute.arg("name", 0).filter(Expr.StringLit.class::isInstance)
                .map(e -> ((Expr.StringLit) e).value()).orElse(defaultNamespace);
    }
}

package org.semiont.schema.psl;

import java.util.List;
import java.util.Optional;

/** A parsed and validated schema file. {@code datasource} is null when the file has none. */
public record PrismaSchema(Datasource datasource, List<Generator> generators, List<Model> models, List<EnumDef> enums) {
    public PrismaSchema {
        generators = List.copyOf(generators);
        models = List.copyOf(models);
        enums = List.copyOf(enums);
    }

    public Optional<Model> model(String name) {
        return models.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    public Optional<EnumDef> enumDef(String name) {
        return enums.stream().filter(e -> e.name().equals(name)).findFirst();
    }
}

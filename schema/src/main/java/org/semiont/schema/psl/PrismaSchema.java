package org.semiont.schema.psl;

import java.util.List;
import java.util.Optional;

/** A parsed and validated schema file. {@code datasource} is null when the file has none. */
public record PrismaSchema(Datasource datasource, List<Generator> generators, List<Model> models, List<EnumDef> enums) {
    public PrismaSchema {
        generators = List.copyOf(generators);
        models = models instanceof NamedList ? models : new NamedList<>(models, Model::name);
        enums = enums instanceof NamedList ? enums : new NamedList<>(enums, EnumDef::name);
    }

    /** The first model with this name. */
    public Optional<Model> model(String name) {
        return ((NamedList<Model>) models).find(name);
    }

    /** The first enum with this name. */
    public Optional<EnumDef> enumDef(String name) {
        return ((NamedList<EnumDef>) enums).find(name);
    }
}

package org.semiont.schema.psl;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed and validated schema file. {@code datasource} is null when the file has none;
 * {@code datasourceProperties} keeps every datasource property as written (in order), so a pull can write the block back.
 */
public record PrismaSchema(Datasource datasource, Map<String, String> datasourceProperties, List<Generator> generators,
                           List<Model> models, List<EnumDef> enums) {
    public PrismaSchema {
        datasourceProperties = Collections.unmodifiableMap(new LinkedHashMap<>(datasourceProperties));
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

package org.semiont.schema.psl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Whole-schema checks: datasource, names, each model and enum, relations. Problems are collected. */
final class Validator {
    private static final Set<String> PROVIDERS = Set.of("postgresql", "postgres");
    private final PrismaSchema schema;
    private final List<Parser.DatasourceBlock> datasources;
    private final List<Diagnostic> diagnostics;

    Validator(PrismaSchema schema, List<Parser.DatasourceBlock> datasources, List<Diagnostic> diagnostics) {
        this.schema = schema;
        this.datasources = datasources;
        this.diagnostics = diagnostics;
    }

    void validate() {
        if (datasources.isEmpty() && schema.models().isEmpty() && schema.enums().isEmpty() && schema.generators().isEmpty()) {
            // an emptied or truncated file: pushed, it would drop every table of the namespace
            error(new Span(1, 1, 0, 0), "The schema declares nothing (no datasource, no models, no enums). Pushing it would "
                    + "drop every table; check the file, or add a datasource block if an empty database is what you want.");
            return;
        }
        datasource();
        uniqueNames();
        String dbPrefix = schema.datasource() == null ? "db" : schema.datasource().name();
        for (Model m : schema.models()) {
            new ModelValidator(schema, m, dbPrefix, diagnostics).validate();
            namespace(m.attributes(), "model", m.name(), m.span());
        }
        for (EnumDef e : schema.enums()) {
            enumDef(e);
            namespace(e.attributes(), "enum", e.name(), e.span());
        }
        new RelationValidator(schema, diagnostics).validate();
    }

    private void datasource() {
        for (int i = 1; i < datasources.size(); i++) {
            error(datasources.get(i).span(), "A schema can have only one datasource; \"" + datasources.get(i).datasource().name()
                    + "\" is a second one. Remove it.");
        }
        if (datasources.isEmpty()) {
            return;
        }
        Parser.DatasourceBlock ds = datasources.get(0);
        String provider = ds.datasource().provider();
        if (provider == null) {
            error(ds.span(), "Datasource \"" + ds.datasource().name() + "\" has no provider: add provider = \"postgresql\".");
        } else if (!PROVIDERS.contains(provider)) {
            error(ds.span(), "Datasource provider \"" + provider + "\" is not supported: only \"postgresql\" is.");
        }
        for (String key : ds.properties().keySet()) {
            if (!Set.of("provider", "url", "directUrl", "shadowDatabaseUrl", "schemas", "extensions", "relationMode").contains(key)) {
                error(ds.span(), "Unknown property \"" + key + "\" in datasource \"" + ds.datasource().name() + "\"."
                        + Suggestions.didYouMean(key, List.of("provider", "url", "schemas", "directUrl")));
            }
        }
    }

    private void uniqueNames() {
        Map<String, Span> seen = new HashMap<>();
        List<Object> blocks = new ArrayList<>(schema.models());
        blocks.addAll(schema.enums());
        for (Object b : blocks) {
            String name = b instanceof Model ? ((Model) b).name() : ((EnumDef) b).name();
            Span span = b instanceof Model ? ((Model) b).span() : ((EnumDef) b).span();
            String kind = b instanceof Model ? "model" : "enum";
            if (ScalarType.of(name).isPresent() || name.equals("Unsupported")) {
                error(span, "The " + kind + " name \"" + name + "\" is reserved for a scalar type: choose another name.");
            }
            Span first = seen.putIfAbsent(name, span);
            if (first != null) {
                error(span, "The " + kind + " \"" + name + "\" is defined twice (first at line " + first.line() + "): rename or remove one.");
            }
            if (!ModelValidator.isIdentifier(name)) {
                error(span, "\"" + name + "\" is not a valid " + kind + " name: use letters, digits and _ and start with a letter;"
                        + " keep the database name with @@map(\"" + name + "\").");
            }
        }
    }

    private void enumDef(EnumDef e) {
        if (e.values().isEmpty()) {
            error(e.span(), "Enum \"" + e.name() + "\" has no values: add at least one.");
        }
        Map<String, Span> names = new HashMap<>();
        Map<String, Span> dbNames = new HashMap<>();
        for (EnumDef.EnumValue v : e.values()) {
            if (names.putIfAbsent(v.name(), v.span()) != null) {
                error(v.span(), "Value \"" + v.name() + "\" is defined twice in enum \"" + e.name() + "\".");
            } else if (dbNames.putIfAbsent(v.dbName(), v.span()) != null) {
                error(v.span(), "Value \"" + v.name() + "\" maps to database name \"" + v.dbName() + "\", which enum \""
                        + e.name() + "\" already uses.");
            }
        }
        for (Attribute a : e.attributes()) {
            if (!a.name().equals("map") && !a.name().equals("schema")) {
                error(a.span(), "Attribute \"@@" + a.name() + "\" is not valid on an enum: only @@map and @@schema are."
                        + Suggestions.didYouMean(a.name(), List.of("map", "schema")));
            } else {
                ModelValidator.requireString(a, "name", diagnostics);
            }
        }
    }

    private void namespace(List<Attribute> attributes, String kind, String name, Span span) {
        List<String> schemas = schema.datasource() == null ? List.of() : schema.datasource().schemas();
        Attribute at = attributes.stream().filter(a -> a.name().equals("schema")).findFirst().orElse(null);
        if (at == null) {
            if (!schemas.isEmpty()) {
                error(span, "The " + kind + " \"" + name + "\" needs a @@schema attribute, because the datasource lists schemas "
                        + schemas + ".");
            }
            return;
        }
        String value = at.arg("name", 0).filter(Expr.StringLit.class::isInstance).map(x -> ((Expr.StringLit) x).value()).orElse(null);
        if (value != null && !schemas.contains(value)) {
            error(at.span(), "Schema \"" + value + "\" of " + kind + " \"" + name + "\" is not in the datasource's schemas "
                    + schemas + ": add it there (schemas = [\"" + value + "\"]).");
        }
    }

    private void error(Span span, String message) {
        diagnostics.add(new Diagnostic(span, message));
    }
}

package org.semiont.schema.pull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.semiont.schema.psl.Datasource;
import org.semiont.schema.psl.EnumDef;
import org.semiont.schema.psl.Exprs;
import org.semiont.schema.psl.PrismaSchema;
import org.semiont.schema.sql.EnumType;
import org.semiont.schema.sql.SqlSchema;
import org.semiont.schema.sql.Table;

/** Live {@link SqlSchema} → PSL text following Prisma's db pull conventions. Pure. */
public final class SchemaPuller {
    /** Prisma Migrate's bookkeeping table: never part of a schema. */
    static final String MIGRATIONS_TABLE = "_prisma_migrations";

    private SchemaPuller() {
    }

    /**
     * previous: the existing schema file (re-introspection keeps its names, @map/@@map, Prisma-level defaults,
     * @updatedAt, and its datasource/generator blocks); empty → a fresh file with
     * `datasource db { provider = "postgresql"  url = env("DATABASE_URL") }`.
     */
    public static PullResult pull(SqlSchema live, Optional<PrismaSchema> previous) {
        PrismaSchema prev = previous.orElse(null);
        List<String> warnings = new ArrayList<>();
        Datasource ds = datasource(live, prev);
        boolean multiSchema = !ds.schemas().isEmpty();
        List<Table> tables = new ArrayList<>(live.tables());
        tables.removeIf(t -> t.name().equals(MIGRATIONS_TABLE));
        tables.sort(Comparator.comparing(Table::name).thenComparing(Table::namespace));
        List<Table> joins = tables.stream().filter(t -> JoinTableShape.of(t).isPresent()).toList();
        tables.removeAll(joins);
        PullNames names = new PullNames(prev, live, tables);
        Map<String, Draft.ModelDraft> models = new LinkedHashMap<>();
        ModelDrafts drafts = new ModelDrafts(names, multiSchema, warnings);
        for (Table t : tables) {
            models.put(RelationFields.key(t.namespace(), t.name()), drafts.model(t));
        }
        new RelationFields(models, prev, warnings).add(tables, joins);
        PslWriter w = new PslWriter();
        if (prev != null && prev.datasource() != null) {
            w.datasource(ds.name(), prev.datasourceProperties());
        } else {
            w.datasource(ds);
        }
        if (prev != null) {
            prev.generators().forEach(w::generator);
        }
        models.values().forEach(w::model);
        enums(live, names, multiSchema).forEach(w::enumBlock);
        List<String> notes = new ArrayList<>(warnings);
        enrichmentNote(prev, models).ifPresent(warnings::add);
        w.warnings(notes);
        return new PullResult(w.text(), warnings);
    }

    private static Datasource datasource(SqlSchema live, PrismaSchema prev) {
        if (prev != null && prev.datasource() != null) {
            return prev.datasource();
        }
        boolean multi = live.namespaces().size() > 1;
        return new Datasource("db", "postgresql", "env(\"DATABASE_URL\")", multi ? live.namespaces() : List.of());
    }

    private static List<Draft.EnumDraft> enums(SqlSchema live, PullNames names, boolean multiSchema) {
        List<EnumType> sorted = new ArrayList<>(live.enums());
        sorted.sort(Comparator.comparing(EnumType::name));
        List<Draft.EnumDraft> out = new ArrayList<>();
        for (EnumType e : sorted) {
            Draft.EnumDraft d = new Draft.EnumDraft(names.enumName(e.name()));
            d.doc = names.previousEnum(e.name()).map(EnumDef::documentation).orElse(null);
            for (String v : e.values()) {
                String name = names.enumValueName(e.name(), v);
                String doc = names.previousEnum(e.name()).flatMap(p -> p.values().stream().filter(x -> x.dbName().equals(v)).findFirst())
                        .map(EnumDef.EnumValue::documentation).orElse(null);
                d.values.add(new Draft.FieldLine(name, "", name.equals(v) ? List.of() : List.of("@map(" + Exprs.quote(v) + ")"), doc));
            }
            if (!d.name.equals(e.name())) {
                d.blockAttributes.add("@@map(" + Exprs.quote(e.name()) + ")");
            }
            if (multiSchema) {
                d.blockAttributes.add("@@schema(" + Exprs.quote(e.namespace()) + ")");
            }
            out.add(d);
        }
        return out;
    }

    private static Optional<String> enrichmentNote(PrismaSchema prev, Map<String, Draft.ModelDraft> models) {
        if (prev == null) {
            return Optional.empty();
        }
        List<String> kept = models.values().stream().filter(m -> m.previous.isPresent()).map(m -> m.name).toList();
        return kept.isEmpty() ? Optional.empty() : Optional.of("These models kept names, @map/@@map and Prisma-level defaults from the"
                + " previous schema: " + String.join(", ", kept) + ".");
    }
}

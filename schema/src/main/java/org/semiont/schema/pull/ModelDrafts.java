package org.semiont.schema.pull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.semiont.schema.psl.Exprs;
import org.semiont.schema.psl.Field;
import org.semiont.schema.psl.Model;
import org.semiont.schema.sql.Column;
import org.semiont.schema.sql.Index;
import org.semiont.schema.sql.Table;
import org.semiont.schema.target.ConstraintNames;

/** One table → a model draft with its scalar fields and block attributes (relations come later). */
final class ModelDrafts {
    private final PullNames names;
    private final ScalarFields scalars;
    private final boolean multiSchema;
    private final List<String> warnings;

    ModelDrafts(PullNames names, boolean multiSchema, List<String> warnings) {
        this.names = names;
        this.scalars = new ScalarFields(names, warnings);
        this.multiSchema = multiSchema;
        this.warnings = warnings;
    }

    Draft.ModelDraft model(Table t) {
        Optional<Model> prev = names.previousModel(t.namespace(), t.name());
        Draft.ModelDraft m = new Draft.ModelDraft(names.modelName(t), t, prev);
        m.doc = prev.map(Model::documentation).orElse(null);
        java.util.Set<String> used = new java.util.HashSet<>();
        for (Column c : t.columns()) {
            Optional<Field> prevField = names.previousField(prev, c.name());
            Draft.FieldLine line = scalars.field(t, c, m.name, prevField, used);
            m.fields.add(line);
            m.fieldOfColumn.put(c.name(), line.name());
        }
        blockAttributes(m, t);
        return m;
    }

    private void blockAttributes(Draft.ModelDraft m, Table t) {
        if (t.primaryKey() != null && t.primaryKey().columns().size() > 1) {
            String name = t.primaryKey().constraintName();
            boolean conventional = name.equals(ConstraintNames.primaryKey(t.name()));
            m.blockAttributes.add("@@id(" + fieldList(m, t.primaryKey().columns(), List.of())
                    + (conventional ? "" : ", map: " + Exprs.quote(name)) + ")");
        }
        List<Index> uniquesFirst = new ArrayList<>(t.indexes());
        uniquesFirst.sort(java.util.Comparator.comparing((Index ix) -> !ix.unique()));
        for (Index ix : uniquesFirst) {
            boolean printedAsField = ix.columns().size() == 1 && ScalarFields.singleUnique(t, t.column(ix.columns().get(0).column())
                    .orElseThrow()).map(u -> u == ix).orElse(false);
            if (printedAsField) {
                continue;
            }
            String conventional = ix.unique() ? ConstraintNames.uniqueIndex(t.name(), ix.columnNames()) : ConstraintNames.index(t.name(), ix.columnNames());
            List<String> extra = new ArrayList<>();
            if (!ix.name().equals(conventional)) {
                extra.add("map: " + Exprs.quote(ix.name()));
            }
            if (!ix.method().equals("btree")) {
                extra.add("type: " + methodName(ix.method()));
            }
            m.blockAttributes.add((ix.unique() ? "@@unique(" : "@@index(") + fieldList(m, ix.columnNames(), ix.columns()) + extra.stream()
                    .map(x -> ", " + x).collect(Collectors.joining()) + ")");
        }
        if (!m.name.equals(t.name())) {
            m.blockAttributes.add("@@map(" + Exprs.quote(t.name()) + ")");
        }
        if (!hasUniqueIdentifier(t)) {
            m.blockAttributes.add("@@ignore");
            m.doc = "This table has no primary key and no unique index over required columns, so Prisma Client cannot use it.";
            warnings.add("Model \"" + m.name + "\" is marked @@ignore: table \"" + t.name() + "\" has no primary key or unique index"
                    + " over required columns. Add one to use it.");
        } else if (m.previous.map(Model::ignored).orElse(false)) {
            m.blockAttributes.add("@@ignore");
        }
        if (multiSchema) {
            m.blockAttributes.add("@@schema(" + Exprs.quote(t.namespace()) + ")");
        }
    }

    private static String fieldList(Draft.ModelDraft m, List<String> columns, List<Index.IndexColumn> sorts) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            boolean desc = i < sorts.size() && sorts.get(i).sort() == Index.SortOrder.DESC;
            out.add(m.field(columns.get(i)) + (desc ? "(sort: Desc)" : ""));
        }
        return "[" + String.join(", ", out) + "]";
    }

    private static String methodName(String method) {
        switch (method) {
            case "hash": return "Hash";
            case "gin": return "Gin";
            case "gist": return "Gist";
            case "brin": return "Brin";
            case "spgist": return "SpGist";
            default: return "BTree";
        }
    }

    static boolean hasUniqueIdentifier(Table t) {
        if (t.primaryKey() != null) {
            return true;
        }
        return t.indexes().stream().anyMatch(ix -> ix.unique()
                && ix.columnNames().stream().allMatch(c -> t.column(c).map(col -> !col.nullable()).orElse(false)));
    }
}

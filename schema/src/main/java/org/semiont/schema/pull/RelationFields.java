package org.semiont.schema.pull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.semiont.schema.psl.Exprs;
import org.semiont.schema.psl.PrismaSchema;
import org.semiont.schema.psl.Relations;
import org.semiont.schema.sql.ForeignKey;
import org.semiont.schema.sql.ForeignKey.ReferentialAction;
import org.semiont.schema.sql.Table;
import org.semiont.schema.target.ConstraintNames;

/** Foreign keys and join tables → relation fields on both models, named like db pull names them. */
final class RelationFields {
    private final Map<String, Draft.ModelDraft> models;
    private final PrismaSchema previous;
    private final List<String> warnings;
    private final Map<String, Integer> relationsPerPair = new HashMap<>();
    private final List<Relations.Relation> previousRelations;

    RelationFields(Map<String, Draft.ModelDraft> models, PrismaSchema previous, List<String> warnings) {
        this.models = models;
        this.previous = previous;
        this.previousRelations = previous == null ? List.of() : Relations.of(previous);
        this.warnings = warnings;
    }

    static String key(String namespace, String table) {
        return namespace + "." + table;
    }

    void add(List<Table> tables, List<Table> joinTables) {
        for (Table t : tables) {
            t.foreignKeys().forEach(fk -> count(key(t.namespace(), t.name()), key(fk.referencedNamespace(), fk.referencedTable())));
        }
        for (Table j : joinTables) {
            List<ForeignKey> fks = JoinTableShape.of(j).orElseThrow();
            count(refKey(fks.get(0)), refKey(fks.get(1)));
        }
        for (Table t : tables) {
            for (ForeignKey fk : t.foreignKeys()) {
                foreignKey(models.get(key(t.namespace(), t.name())), fk);
            }
        }
        for (Table j : joinTables) {
            manyToMany(j, JoinTableShape.of(j).orElseThrow());
        }
    }

    private static String refKey(ForeignKey fk) {
        return key(fk.referencedNamespace(), fk.referencedTable());
    }

    private void count(String a, String b) {
        relationsPerPair.merge(pair(a, b), 1, Integer::sum);
    }

    private static String pair(String a, String b) {
        return a.compareTo(b) <= 0 ? a + "|" + b : b + "|" + a;
    }

    private void foreignKey(Draft.ModelDraft own, ForeignKey fk) {
        Draft.ModelDraft ref = models.get(refKey(fk));
        if (ref == null) {
            warnings.add("Foreign key \"" + fk.constraintName() + "\" on \"" + own.table + "\" references \"" + fk.referencedNamespace() + "."
                    + fk.referencedTable() + "\", which is outside the pulled schemas; no relation field was written for it.");
            return;
        }
        boolean ambiguous = relationsPerPair.get(pair(key(own.namespace, own.table), refKey(fk))) > 1;
        String relName = ambiguous ? PullNames.sanitise(own.name + "_" + String.join("_", fk.columns()) + "To" + ref.name) : null;
        Optional<Relations.Relation> prev = previousRelation(own, fk);
        relName = prev.filter(Relations.Relation::explicitName).map(Relations.Relation::name).orElse(relName);
        boolean self = own == ref;
        String fwd = prev.map(r -> r.owner().field().name()).orElse(ambiguous ? ref.name + "_" + relName : ref.name);
        String back = prev.map(r -> r.other().field().name()).orElse(ambiguous ? own.name + "_" + relName : self ? "other_" + own.name : own.name);
        boolean optional = fk.columns().stream().anyMatch(c -> own.table0.column(c).map(col -> col.nullable()).orElse(true));
        List<String> args = new ArrayList<>();
        if (relName != null) {
            args.add(Exprs.quote(relName));
        }
        args.add("fields: [" + fk.columns().stream().map(own::field).collect(Collectors.joining(", ")) + "]");
        args.add("references: [" + fk.referencedColumns().stream().map(ref::field).collect(Collectors.joining(", ")) + "]");
        actions(fk, optional, args);
        if (!fk.constraintName().equals(ConstraintNames.foreignKey(own.table, fk.columns()))) {
            args.add("map: " + Exprs.quote(fk.constraintName()));
        }
        fwd = free(own, fwd, relName);
        own.relations.add(new Draft.FieldLine(fwd, ref.name + (optional ? "?" : ""), List.of("@relation(" + String.join(", ", args) + ")"), null));
        boolean oneToOne = JoinTableShape.isUniqueOver(own.table0, fk.columns());
        back = free(ref, back, relName);
        ref.relations.add(new Draft.FieldLine(back, own.name + (oneToOne ? "?" : "[]"),
                relName == null ? List.of() : List.of("@relation(" + Exprs.quote(relName) + ")"), null));
    }

    private static void actions(ForeignKey fk, boolean optional, List<String> args) {
        ReferentialAction defaultDelete = optional ? ReferentialAction.SET_NULL : ReferentialAction.RESTRICT;
        if (fk.onDelete() != defaultDelete) {
            args.add("onDelete: " + actionName(fk.onDelete()));
        }
        if (fk.onUpdate() != ReferentialAction.CASCADE) {
            args.add("onUpdate: " + actionName(fk.onUpdate()));
        }
    }

    private static String actionName(ReferentialAction a) {
        switch (a) {
            case CASCADE: return "Cascade";
            case RESTRICT: return "Restrict";
            case NO_ACTION: return "NoAction";
            case SET_NULL: return "SetNull";
            default: return "SetDefault";
        }
    }

    /** A field name not yet used in the model: clashing names get the relation name appended. */
    private static String free(Draft.ModelDraft m, String name, String relName) {
        String candidate = name;
        int n = 1;
        while (m.hasField(candidate)) {
            candidate = name + "_" + (relName != null ? relName : "relation") + (n > 1 ? n : "");
            n++;
        }
        return candidate;
    }

    private Optional<Relations.Relation> previousRelation(Draft.ModelDraft own, ForeignKey fk) {
        if (previous == null || own.previous.isEmpty()) {
            return Optional.empty();
        }
        return previousRelations.stream().filter(r -> r.other() != null && r.owner().model() == own.previous.get()
                && r.owner().hasFields() && Relations.names(r.owner().relation().orElseThrow().named("fields")).stream()
                .map(n -> own.previous.get().field(n).map(f -> f.columnName()).orElse(n)).toList().equals(fk.columns()))
                .findFirst();
    }

    private void manyToMany(Table join, List<ForeignKey> fks) {
        Draft.ModelDraft a = models.get(refKey(fks.get(0)));
        Draft.ModelDraft b = models.get(refKey(fks.get(1)));
        if (a == null || b == null) {
            return;
        }
        String relName = join.name().substring(1);
        boolean ambiguous = relationsPerPair.get(pair(refKey(fks.get(0)), refKey(fks.get(1)))) > 1 || a == b;
        boolean named = ambiguous || !relName.equals(Relations.defaultName(a.name, b.name));
        if (a.name.compareTo(b.name) > 0) {
            warnings.add("Join table \"" + join.name() + "\": model \"" + a.name + "\" (column A) sorts after \"" + b.name
                    + "\" (column B), so a push would rebuild it. Rename the models or the table.");
        }
        List<String> attrs = named ? List.of("@relation(" + Exprs.quote(relName) + ")") : List.of();
        Optional<Relations.Relation> prev = previousRelations.stream().filter(r -> r.kind() == Relations.Kind.MANY_TO_MANY
                && r.other() != null && r.name().equals(relName)).findFirst();
        String inA = free(a, prev.map(r -> r.owner().field().name()).orElse(a == b ? a.name + "_A" : ambiguous ? b.name + "_" + relName
                : b.name), relName);
        a.relations.add(new Draft.FieldLine(inA, b.name + "[]", attrs, null));
        String inB = free(b, prev.map(r -> r.other().field().name()).orElse(a == b ? a.name + "_B" : ambiguous ? a.name + "_" + relName
                : a.name), relName);
        b.relations.add(new Draft.FieldLine(inB, a.name + "[]", attrs, null));
    }
}

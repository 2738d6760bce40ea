package org.semiont.schema.target;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.semiont.schema.psl.Attribute;
import org.semiont.schema.psl.Expr;
import org.semiont.schema.psl.Field;
import org.semiont.schema.psl.Model;
import org.semiont.schema.psl.PrismaSchema;
import org.semiont.schema.psl.Relations;
import org.semiont.schema.sql.Column;
import org.semiont.schema.sql.ForeignKey;
import org.semiont.schema.sql.Index;
import org.semiont.schema.sql.PrimaryKey;
import org.semiont.schema.sql.Table;

/** One model → one table: columns, primary key, unique and plain indexes, foreign keys. */
final class TableBuilder {
    private final PrismaSchema schema;
    private final ColumnMapper columns;
    private final Namespaces namespaces;

    TableBuilder(PrismaSchema schema, Namespaces namespaces) {
        this.schema = schema;
        this.columns = new ColumnMapper(schema);
        this.namespaces = namespaces;
    }

    Table table(Model m, List<Relations.Relation> owned) {
        String table = m.tableName();
        List<Column> cols = new ArrayList<>();
        for (Field f : m.fields()) {
            if (!Relations.isRelationField(schema, f)) {
                cols.add(columns.column(table, f));
            }
        }
        List<Index> indexes = indexes(m, table);
        indexes.sort(Comparator.comparing(Index::name));
        List<ForeignKey> fks = new ArrayList<>();
        boolean withoutForeignKeys = schema.datasource() != null && schema.datasource().relationsWithoutForeignKeys();
        for (Relations.Relation r : owned) {
            if (!withoutForeignKeys) {
                fks.add(foreignKey(table, r));
            }
        }
        fks.sort(Comparator.comparing(ForeignKey::constraintName));
        return new Table(namespaces.of(m), table, cols, primaryKey(m, table), indexes, fks);
    }

    private PrimaryKey primaryKey(Model m, String table) {
        for (Field f : m.fields()) {
            Optional<Attribute> id = f.attribute("id");
            if (id.isPresent()) {
                return new PrimaryKey(map(id.get()).orElse(ConstraintNames.primaryKey(table)), List.of(f.columnName()));
            }
        }
        return m.attribute("id").map(a -> new PrimaryKey(map(a).orElse(ConstraintNames.primaryKey(table)),
                indexColumns(m, a).stream().map(Index.IndexColumn::column).toList())).orElse(null);
    }

    private List<Index> indexes(Model m, String table) {
        List<Index> out = new ArrayList<>();
        for (Field f : m.fields()) {
            f.attribute("unique").ifPresent(u -> {
                List<Index.IndexColumn> cols = List.of(new Index.IndexColumn(f.columnName(), sort(u.named("sort"))));
                out.add(new Index(map(u).orElse(ConstraintNames.uniqueIndex(table, List.of(f.columnName()))), cols, true, "btree"));
            });
        }
        for (Attribute a : m.attributes()) {
            boolean unique = a.name().equals("unique");
            if (unique || a.name().equals("index")) {
                List<Index.IndexColumn> cols = indexColumns(m, a);
                List<String> names = cols.stream().map(Index.IndexColumn::column).toList();
                Optional<String> mapped = map(a).or(() -> unique ? Optional.empty() : string(a.named("name")));
                String name = mapped.orElse(unique ? ConstraintNames.uniqueIndex(table, names) : ConstraintNames.index(table, names));
                String method = a.named("type").filter(Expr.Ident.class::isInstance)
                        .map(e -> ((Expr.Ident) e).name().toLowerCase(Locale.ROOT)).orElse("btree");
                out.add(new Index(name, cols, unique, method));
            }
        }
        return out;
    }

    private static List<Index.IndexColumn> indexColumns(Model m, Attribute a) {
        List<Index.IndexColumn> out = new ArrayList<>();
        Expr list = a.arg("fields", 0).orElseThrow();
        for (Expr e : ((Expr.ArrayLit) list).items()) {
            String fieldName = e instanceof Expr.Call ? ((Expr.Call) e).name() : ((Expr.Ident) e).name();
            Index.SortOrder sort = Index.SortOrder.ASC;
            if (e instanceof Expr.Call) {
                sort = sort(((Expr.Call) e).args().stream().filter(x -> "sort".equals(x.name())).map(x -> x.value()).findFirst());
            }
            out.add(new Index.IndexColumn(m.field(fieldName).orElseThrow().columnName(), sort));
        }
        return out;
    }

    private static Index.SortOrder sort(Optional<Expr> e) {
        return e.filter(x -> x instanceof Expr.Ident && ((Expr.Ident) x).name().equals("Desc")).isPresent()
                ? Index.SortOrder.DESC : Index.SortOrder.ASC;
    }

    private ForeignKey foreignKey(String table, Relations.Relation r) {
        Attribute rel = r.owner().relation().orElseThrow();
        Model own = r.owner().model();
        Model ref = r.other().model();
        List<String> cols = Relations.names(rel.named("fields")).stream().map(n -> own.field(n).orElseThrow().columnName()).toList();
        List<String> refCols = Relations.names(rel.named("references")).stream().map(n -> ref.field(n).orElseThrow().columnName()).toList();
        boolean optional = r.owner().field().type().arity() != org.semiont.schema.psl.FieldType.Arity.REQUIRED;
        ForeignKey.ReferentialAction onDelete = action(rel.named("onDelete"))
                .orElse(optional ? ForeignKey.ReferentialAction.SET_NULL : ForeignKey.ReferentialAction.RESTRICT);
        ForeignKey.ReferentialAction onUpdate = action(rel.named("onUpdate")).orElse(ForeignKey.ReferentialAction.CASCADE);
        String name = map(rel).orElse(ConstraintNames.foreignKey(table, cols));
        return new ForeignKey(name, cols, namespaces.of(ref), ref.tableName(), refCols, onDelete, onUpdate);
    }

    static Optional<ForeignKey.ReferentialAction> action(Optional<Expr> e) {
        return e.filter(Expr.Ident.class::isInstance).map(x -> {
            switch (((Expr.Ident) x).name()) {
                case "Cascade": return ForeignKey.ReferentialAction.CASCADE;
                case "Restrict": return ForeignKey.ReferentialAction.RESTRICT;
                case "NoAction": return ForeignKey.ReferentialAction.NO_ACTION;
                case "SetNull": return ForeignKey.ReferentialAction.SET_NULL;
                default: return ForeignKey.ReferentialAction.SET_DEFAULT;
            }
        });
    }

    private static Optional<String> map(Attribute a) {
        return string(a.named("map"));
    }

    private static Optional<String> string(Optional<Expr> e) {
        return e.filter(Expr.StringLit.class::isInstance).map(x -> ((Expr.StringLit) x).value());
    }
}

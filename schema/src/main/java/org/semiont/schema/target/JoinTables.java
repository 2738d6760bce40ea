package org.semiont.schema.target;

import java.util.List;
import org.semiont.schema.psl.Field;
import org.semiont.schema.psl.Model;
import org.semiont.schema.psl.Relations;
import org.semiont.schema.sql.Column;
import org.semiont.schema.sql.ForeignKey;
import org.semiont.schema.sql.Index;
import org.semiont.schema.sql.PrimaryKey;
import org.semiont.schema.sql.Table;

/** Implicit many-to-many relations → Prisma's join tables {@code _AToB(A, B)}. */
final class JoinTables {
    private final ColumnMapper columns;
    private final Namespaces namespaces;

    JoinTables(ColumnMapper columns, Namespaces namespaces) {
        this.columns = columns;
        this.namespaces = namespaces;
    }

    /** {@code r.owner()} is on the alphabetically first model, which becomes column A. */
    Table table(Relations.Relation r) {
        String name = "_" + r.name();
        Model a = r.owner().model();
        Model b = r.other().model();
        Field aId = idField(a);
        Field bId = idField(b);
        Column colA = new Column("A", columns.type(aId), false, null, false);
        Column colB = new Column("B", columns.type(bId), false, null, false);
        PrimaryKey pk = new PrimaryKey(ConstraintNames.primaryKey(name + "_AB"), List.of("A", "B"));
        Index index = new Index(withSuffix(name + "_B", "_index"), List.of(new Index.IndexColumn("B", Index.SortOrder.ASC)), false, "btree");
        List<ForeignKey> fks = List.of(
                fk(name, "A", a, aId),
                fk(name, "B", b, bId));
        return new Table(namespaces.of(a), name, List.of(colA, colB), pk, List.of(index), fks);
    }

    private ForeignKey fk(String table, String column, Model ref, Field id) {
        return new ForeignKey(ConstraintNames.foreignKey(table, List.of(column)), List.of(column), namespaces.of(ref),
                ref.tableName(), List.of(id.columnName()), ForeignKey.ReferentialAction.CASCADE, ForeignKey.ReferentialAction.CASCADE);
    }

    private static String withSuffix(String base, String suffix) {
        return ConstraintNames.clip(base, ConstraintNames.MAX_IDENTIFIER_BYTES - suffix.length()) + suffix;
    }

    private static Field idField(Model m) {
        return m.fields().stream().filter(f -> f.attribute("id").isPresent()).findFirst().orElseThrow();
    }
}

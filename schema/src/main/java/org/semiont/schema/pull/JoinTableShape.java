package org.semiont.schema.pull;

import java.util.List;
import java.util.Optional;
import org.semiont.schema.sql.Column;
import org.semiont.schema.sql.ForeignKey;
import org.semiont.schema.sql.Index;
import org.semiont.schema.sql.Table;

/** Recognises Prisma's implicit many-to-many join tables: {@code _Name(A, B)} keyed on (A, B), both referencing ids. */
final class JoinTableShape {
    private JoinTableShape() {
    }

    /** The foreign keys on A and B, if the table has exactly the join-table shape. */
    static Optional<List<ForeignKey>> of(Table t) {
        if (!t.name().startsWith("_") || t.columns().size() != 2 || t.foreignKeys().size() != 2) {
            return Optional.empty();
        }
        Column a = t.columns().get(0);
        Column b = t.columns().get(1);
        if (!a.name().equals("A") || !b.name().equals("B") || a.nullable() || b.nullable() || a.type().array() || b.type().array()) {
            return Optional.empty();
        }
        boolean keyed = (t.primaryKey() != null && t.primaryKey().columns().equals(List.of("A", "B")))
                || t.indexes().stream().anyMatch(ix -> ix.unique() && ix.columnNames().equals(List.of("A", "B")));
        boolean indexedB = t.indexes().stream().anyMatch(ix -> !ix.unique() && ix.columnNames().equals(List.of("B")));
        Optional<ForeignKey> fkA = fk(t, "A");
        Optional<ForeignKey> fkB = fk(t, "B");
        if (!keyed || !indexedB || fkA.isEmpty() || fkB.isEmpty() || t.indexes().size() > 2) {
            return Optional.empty();
        }
        return Optional.of(List.of(fkA.get(), fkB.get()));
    }

    private static Optional<ForeignKey> fk(Table t, String column) {
        return t.foreignKeys().stream().filter(fk -> fk.columns().equals(List.of(column))
                && fk.onDelete() == ForeignKey.ReferentialAction.CASCADE && fk.onUpdate() == ForeignKey.ReferentialAction.CASCADE)
                .findFirst();
    }

    static boolean isUniqueOver(Table t, List<String> columns) {
        java.util.Set<String> set = new java.util.HashSet<>(columns);
        if (t.primaryKey() != null && new java.util.HashSet<>(t.primaryKey().columns()).equals(set)) {
            return true;
        }
        for (Index ix : t.indexes()) {
            if (ix.unique() && new java.util.HashSet<>(ix.columnNames()).equals(set)) {
                return true;
            }
        }
        return false;
    }
}

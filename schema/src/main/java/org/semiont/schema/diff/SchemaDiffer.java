package org.semiont.schema.diff;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.semiont.schema.sql.EnumType;
import org.semiont.schema.sql.ForeignKey;
import org.semiont.schema.sql.Index;
import org.semiont.schema.sql.SqlSchema;
import org.semiont.schema.sql.Table;

/**
 * Compares the live schema with the target, by name, and returns the ordered steps between them.
 * Pure: no I/O.
 */
public final class SchemaDiffer {

    public Migration diff(SchemaPair pair) {
        SqlSchema live = pair.previous();
        SqlSchema target = pair.next();
        List<Step> steps = new ArrayList<>();
        for (String ns : target.namespaces()) {
            if (!live.namespaces().contains(ns)) {
                steps.add(new Step.CreateNamespace(ns));
            }
        }
        ColumnChanges columns = ColumnChanges.compute(live, target);
        diffEnums(live, target, columns, steps);
        diffTables(pair, columns, steps);
        steps.addAll(columns.steps());
        steps.sort(Comparator.comparing(Step::phase));
        return new Migration(steps);
    }

    private void diffEnums(SqlSchema live, SqlSchema target, ColumnChanges columns, List<Step> steps) {
        for (EnumType next : target.enums()) {
            Optional<EnumType> previous = live.enumType(next.namespace(), next.name());
            if (previous.isEmpty()) {
                steps.add(new Step.CreateEnum(next));
            } else if (!previous.get().values().equals(next.values())) {
                steps.add(EnumChanges.alter(previous.get(), next, live, target, columns));
            }
        }
        for (EnumType previous : live.enums()) {
            if (target.enumType(previous.namespace(), previous.name()).isEmpty()) {
                steps.add(new Step.DropEnum(previous));
            }
        }
    }

    private void diffTables(SchemaPair pair, ColumnChanges columns, List<Step> steps) {
        SqlSchema live = pair.previous();
        SqlSchema target = pair.next();
        for (Table next : target.tables()) {
            Optional<Table> previous = live.table(next.namespace(), next.name());
            if (previous.isEmpty()) {
                createTable(next, steps);
            } else {
                diffConstraints(previous.get(), next, pair, columns, steps);
            }
        }
        for (Table previous : live.tables()) {
            if (target.table(previous.namespace(), previous.name()).isEmpty()) {
                Step.TableRef ref = Step.TableRef.of(previous);
                previous.foreignKeys().forEach(fk -> steps.add(new Step.DropForeignKey(ref, fk)));
                steps.add(new Step.DropTable(previous));
            }
        }
    }

    private static void createTable(Table table, List<Step> steps) {
        Step.TableRef ref = Step.TableRef.of(table);
        steps.add(new Step.CreateTable(table));
        table.indexes().forEach(index -> steps.add(new Step.CreateIndex(ref, index, false)));
        table.foreignKeys().forEach(fk -> steps.add(new Step.AddForeignKey(ref, fk, false)));
    }

    private void diffConstraints(Table previous, Table next, SchemaPair pair, ColumnChanges columns, List<Step> steps) {
        Step.TableRef ref = Step.TableRef.of(next);
        diffPrimaryKey(previous, next, columns, steps);
        diffIndexes(previous, next, pair, columns, steps);
        for (ForeignKey fk : next.foreignKeys()) {
            Optional<ForeignKey> old = previous.foreignKeys().stream()
                    .filter(f -> f.constraintName().equals(fk.constraintName())).findFirst();
            boolean touched = columns.recreatedAny(ref, fk.columns())
                    || columns.recreatedAny(new Step.TableRef(fk.referencedNamespace(), fk.referencedTable()), fk.referencedColumns())
                    || referencedKeyRebuilt(pair, fk, columns);
            if (old.isPresent() && (!old.get().equals(fk) || touched)) {
                steps.add(new Step.DropForeignKey(ref, old.get()));
            }
            if (old.isEmpty() || !old.get().equals(fk) || touched) {
                steps.add(new Step.AddForeignKey(ref, fk, true));
            }
        }
        for (ForeignKey fk : previous.foreignKeys()) {
            if (next.foreignKeys().stream().noneMatch(f -> f.constraintName().equals(fk.constraintName()))) {
                steps.add(new Step.DropForeignKey(ref, fk));
            }
        }
    }

    /**
     * PostgreSQL will not drop a primary key or unique index that a foreign key relies on, so such a key
     * is dropped first and added again after the referenced key is rebuilt.
     */
    private static boolean referencedKeyRebuilt(SchemaPair pair, ForeignKey fk, ColumnChanges columns) {
        Optional<Table> before = pair.previous().table(fk.referencedNamespace(), fk.referencedTable());
        Optional<Table> after = pair.next().table(fk.referencedNamespace(), fk.referencedTable());
        if (before.isEmpty() || after.isEmpty()) {
            return false;
        }
        var livePk = before.get().primaryKey();
        var targetPk = after.get().primaryKey();
        if (livePk != null && livePk.columns().equals(fk.referencedColumns())
                && (targetPk == null || !targetPk.columns().equals(livePk.columns())
                || columns.recreatedAny(Step.TableRef.of(after.get()), livePk.columns()))) {
            return true;
        }
        return before.get().indexes().stream()
                .filter(ix -> ix.unique() && ix.columnNames().equals(fk.referencedColumns()))
                .anyMatch(ix -> !byName(after.get().indexes(), ix.name()).map(ix::equals).orElse(false));
    }

    private static void diffPrimaryKey(Table previous, Table next, ColumnChanges columns, List<Step> steps) {
        Step.TableRef ref = Step.TableRef.of(next);
        var before = previous.primaryKey();
        var after = next.primaryKey();
        boolean touched = before != null && columns.recreatedAny(ref, before.columns());
        boolean sameColumns = before != null && after != null && before.columns().equals(after.columns());
        if (sameColumns && !touched) {
            if (!before.constraintName().equals(after.constraintName())) {
                steps.add(new Step.RenamePrimaryKey(ref, before.constraintName(), after.constraintName()));
            }
            return;
        }
        if (before != null) {
            steps.add(new Step.DropPrimaryKey(ref, before));
        }
        if (after != null) {
            steps.add(new Step.AddPrimaryKey(ref, after));
        }
    }

    private static void diffIndexes(Table previous, Table next, SchemaPair pair, ColumnChanges columns, List<Step> steps) {
        Step.TableRef ref = Step.TableRef.of(next);
        Set<String> renamedFrom = new HashSet<>();
        for (Index index : next.indexes()) {
            Optional<Index> old = byName(previous.indexes(), index.name());
            boolean touched = columns.recreatedAny(ref, index.columnNames());
            if (old.isPresent() && old.get().equals(index) && !touched) {
                continue;
            }
            if (old.isPresent()) {
                steps.add(dropIndex(ref, old.get(), pair));
            } else {
                Optional<Index> rename = renameCandidate(previous, next, index, renamedFrom);
                if (rename.isPresent() && !touched) {
                    renamedFrom.add(rename.get().name());
                    steps.add(new Step.RenameIndex(ref, rename.get().name(), index.name()));
                    continue;
                }
            }
            steps.add(new Step.CreateIndex(ref, index, true));
        }
        for (Index index : previous.indexes()) {
            if (byName(next.indexes(), index.name()).isEmpty() && !renamedFrom.contains(index.name())) {
                steps.add(dropIndex(ref, index, pair));
            }
        }
    }

    private static Optional<Index> renameCandidate(Table previous, Table next, Index index, Set<String> taken) {
        return previous.indexes().stream()
                .filter(old -> byName(next.indexes(), old.name()).isEmpty() && !taken.contains(old.name()))
                .filter(old -> old.columns().equals(index.columns()) && old.unique() == index.unique()
                        && old.method().equals(index.method()))
                .findFirst();
    }

    private static Step dropIndex(Step.TableRef ref, Index index, SchemaPair pair) {
        boolean constraint = pair.constraintIndexes().contains(ref.namespace() + "." + index.name());
        return new Step.DropIndex(ref, index, constraint);
    }

    private static Optional<Index> byName(List<Index> indexes, String name) {
        return indexes.stream().filter(i -> i.name().equals(name)).findFirst();
    }
}

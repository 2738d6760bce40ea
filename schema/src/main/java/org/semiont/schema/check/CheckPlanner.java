package org.semiont.schema.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.semiont.schema.diff.CastKind;
import org.semiont.schema.diff.CastRules;
import org.semiont.schema.diff.Migration;
import org.semiont.schema.diff.SchemaPair;
import org.semiont.schema.diff.Step;
import org.semiont.schema.diff.Step.TableRef;
import org.semiont.schema.diff.TypeNames;
import org.semiont.schema.sql.Column;
import org.semiont.schema.sql.ColumnDefault;
import org.semiont.schema.sql.ForeignKey;
import org.semiont.schema.sql.Table;
import org.semiont.schema.target.ColumnKey;

/** Derives the checks of a migration from its steps and the live schema. Pure. */
public final class CheckPlanner {

    public CheckPlan plan(Migration migration, SchemaPair pair, Set<ColumnKey> prismaLevelDefaults) {
        List<Check> checks = new ArrayList<>();
        for (Step step : migration.steps()) {
            planStep(step, pair, prismaLevelDefaults, checks);
        }
        return new CheckPlan(checks);
    }

    private void planStep(Step step, SchemaPair pair, Set<ColumnKey> prismaLevelDefaults, List<Check> checks) {
        if (step instanceof Step.DropTable s) {
            checks.add(new Check.NonEmptyTableDrop(TableRef.of(s.table())));
        } else if (step instanceof Step.DropColumn s) {
            checks.add(s.recreatedAs() == null ? new Check.NonEmptyColumnDrop(s.table(), s.column().name())
                    : new Check.DropAndRecreateColumn(s.table(), s.column().name(), requiredWithoutDefault(s.recreatedAs())));
        } else if (step instanceof Step.AddColumn s && !s.recreate() && requiredWithoutDefault(s.column())) {
            ColumnKey key = new ColumnKey(s.table().namespace(), s.table().name(), s.column().name());
            checks.add(new Check.AddedRequiredField(s.table(), s.column().name(), prismaLevelDefaults.contains(key)));
        } else if (step instanceof Step.AlterColumn s) {
            planAlter(s, checks);
        } else if (step instanceof Step.DropPrimaryKey s && pair.next().table(s.table().namespace(), s.table().name()).isPresent()) {
            checks.add(new Check.PrimaryKeyChange(s.table()));
        } else if (step instanceof Step.CreateIndex s && s.onExistingTable() && s.index().unique()
                && columnsExist(pair, s.table(), s.index().columnNames())) {
            checks.add(new Check.UniqueConstraintAddition(s.table(), s.index().columnNames()));
        } else if (step instanceof Step.AddForeignKey s && s.onExistingTable()) {
            planForeignKey(s, pair, checks);
        } else if (step instanceof Step.RecreateEnum s && !s.removed().isEmpty()) {
            checks.add(enumRemoval(s));
        }
    }

    private static void planAlter(Step.AlterColumn s, List<Check> checks) {
        if (s.cast() == CastKind.RISKY) {
            checks.add(new Check.RiskyCast(s.table(), s.next().name(), TypeNames.display(s.previous().type()),
                    TypeNames.display(s.next().type())));
        }
        if (s.previous().nullable() && !s.next().nullable()) {
            checks.add(new Check.MadeOptionalFieldRequired(s.table(), s.next().name()));
        }
    }

    private static void planForeignKey(Step.AddForeignKey s, SchemaPair pair, List<Check> checks) {
        ForeignKey fk = s.foreignKey();
        if (!columnsExist(pair, s.table(), fk.columns())) {
            return;
        }
        TableRef parent = new TableRef(fk.referencedNamespace(), fk.referencedTable());
        Optional<Table> liveParent = pair.previous().table(parent.namespace(), parent.name());
        boolean parentIsNew = liveParent.isEmpty();
        if (!parentIsNew && !columnsExist(pair, parent, fk.referencedColumns())) {
            return;
        }
        checks.add(new Check.ForeignKeyOrphans(s.table(), fk,
                new CountQuery.OrphanCount(s.table(), fk.columns(), parent, fk.referencedColumns(), parentIsNew)));
    }

    private static Check enumRemoval(Step.RecreateEnum s) {
        List<CountQuery.EnumColumnRef> refs = new ArrayList<>();
        int defaultUses = 0;
        for (Step.EnumColumn c : s.columns()) {
            refs.add(new CountQuery.EnumColumnRef(c.table(), c.column().name(), c.column().type().array()));
            if (c.column().defaultValue() instanceof ColumnDefault.EnumValue e && s.removed().contains(e.value())) {
                defaultUses++;
            }
        }
        return new Check.EnumValueRemoval(s.next().name(), s.removed(),
                new CountQuery.EnumUsageCount(refs, s.removed()), defaultUses);
    }

    /** Whether the columns exist in the live table with the same type (so counting over them means something). */
    private static boolean columnsExist(SchemaPair pair, TableRef table, List<String> columns) {
        Optional<Table> live = pair.previous().table(table.namespace(), table.name());
        Optional<Table> next = pair.next().table(table.namespace(), table.name());
        if (live.isEmpty() || next.isEmpty()) {
            return false;
        }
        for (String name : columns) {
            Optional<Column> before = live.get().column(name);
            Optional<Column> after = next.get().column(name);
            if (before.isEmpty() || after.isEmpty()
                    || CastRules.classify(before.get().type(), after.get().type()) == CastKind.NOT_CASTABLE) {
                return false;
            }
        }
        return true;
    }

    private static boolean requiredWithoutDefault(Column column) {
        return !column.nullable() && column.defaultValue() == null && !column.autoincrement();
    }
}

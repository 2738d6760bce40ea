package org.semiont.schema.diff;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.semiont.schema.sql.Column;
import org.semiont.schema.sql.SqlSchema;
import org.semiont.schema.sql.Table;

/** Column steps of the tables present on both sides, and which live columns do not survive in place. */
final class ColumnChanges {
    private final List<Step> steps = new ArrayList<>();
    private final Set<String> recreated = new HashSet<>();
    private final Set<String> dropped = new HashSet<>();

    static ColumnChanges compute(SqlSchema live, SqlSchema target) {
        ColumnChanges changes = new ColumnChanges();
        for (Table next : target.tables()) {
            live.table(next.namespace(), next.name()).ifPresent(previous -> changes.diffTable(previous, next));
        }
        return changes;
    }

    List<Step> steps() {
        return steps;
    }

    /** Whether any of the columns is dropped and recreated (so constraints over it must be rebuilt). */
    boolean recreatedAny(Step.TableRef table, List<String> columns) {
        return columns.stream().anyMatch(c -> recreated.contains(key(table, c)));
    }

    /** Whether the live column keeps its data in place (its table and itself are neither dropped nor recreated). */
    boolean survives(Step.TableRef table, String column, SqlSchema target) {
        return target.table(table.namespace(), table.name()).isPresent()
                && !recreated.contains(key(table, column)) && !dropped.contains(key(table, column));
    }

    private void diffTable(Table previous, Table next) {
        Step.TableRef ref = Step.TableRef.of(next);
        for (Column column : next.columns()) {
            Optional<Column> old = previous.column(column.name());
            if (old.isEmpty()) {
                steps.add(new Step.AddColumn(ref, column, false));
            } else {
                diffColumn(ref, old.get(), column);
            }
        }
        for (Column column : previous.columns()) {
            if (next.column(column.name()).isEmpty()) {
                dropped.add(key(ref, column.name()));
                steps.add(new Step.DropColumn(ref, column, null));
            }
        }
    }

    private void diffColumn(Step.TableRef ref, Column previous, Column next) {
        CastKind cast = CastRules.classify(previous.type(), next.type());
        if (cast == CastKind.NOT_CASTABLE) {
            recreated.add(key(ref, next.name()));
            steps.add(new Step.DropColumn(ref, previous, next));
            steps.add(new Step.AddColumn(ref, next, true));
            return;
        }
        Step.AlterColumn alter = new Step.AlterColumn(ref, previous, next, cast);
        if (alter.typeChanged() || alter.nullabilityChanged() || alter.defaultChanged()) {
            steps.add(alter);
        }
    }

    private static String key(Step.TableRef table, String column) {
        return table.namespace() + '\u0000' + table.name() + '\u0000' + column;
    }
}

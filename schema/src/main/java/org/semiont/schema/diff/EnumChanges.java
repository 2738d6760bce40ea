package org.semiont.schema.diff;

import java.util.ArrayList;
import java.util.List;
import org.semiont.schema.sql.Column;
import org.semiont.schema.sql.ColumnDefault;
import org.semiont.schema.sql.EnumType;
import org.semiont.schema.sql.PgType;
import org.semiont.schema.sql.SqlSchema;
import org.semiont.schema.sql.Table;

/**
 * Chooses how an enum changes. Appending values in place (ADD VALUE) is cheapest, but a value added
 * that way cannot be used in the same transaction; so when values are removed or reordered, or a
 * target default uses an added value, the enum is recreated and its surviving columns converted.
 */
final class EnumChanges {
    private EnumChanges() {
    }

    static Step alter(EnumType previous, EnumType next, SqlSchema live, SqlSchema target, ColumnChanges columns) {
        List<String> removed = previous.values().stream().filter(v -> !next.values().contains(v)).toList();
        List<String> added = next.values().stream().filter(v -> !previous.values().contains(v)).toList();
        List<String> kept = next.values().stream().filter(previous.values()::contains).toList();
        boolean orderKept = kept.equals(previous.values().stream().filter(next.values()::contains).toList());
        if (removed.isEmpty() && orderKept && !defaultUses(target, next, added)) {
            return new Step.AddEnumValues(previous, next, added, beforeValues(next, added));
        }
        return new Step.RecreateEnum(previous, next, removed, survivingColumns(previous, live, target, columns));
    }

    private static List<String> beforeValues(EnumType next, List<String> added) {
        List<String> before = new ArrayList<>();
        for (String value : added) {
            List<String> rest = next.values().subList(next.values().indexOf(value) + 1, next.values().size());
            before.add(rest.stream().filter(v -> !added.contains(v)).findFirst().orElse(null));
        }
        return before;
    }

    private static boolean defaultUses(SqlSchema target, EnumType enumType, List<String> values) {
        return target.tables().stream().flatMap(t -> t.columns().stream())
                .filter(c -> usesEnum(c, enumType))
                .anyMatch(c -> c.defaultValue() instanceof ColumnDefault.EnumValue e && values.contains(e.value())
                        || c.defaultValue() instanceof ColumnDefault.ListValue);
    }

    private static List<Step.EnumColumn> survivingColumns(EnumType enumType, SqlSchema live, SqlSchema target,
                                                          ColumnChanges columns) {
        List<Step.EnumColumn> out = new ArrayList<>();
        for (Table table : live.tables()) {
            Step.TableRef ref = Step.TableRef.of(table);
            for (Column column : table.columns()) {
                if (usesEnum(column, enumType) && columns.survives(ref, column.name(), target)) {
                    ColumnDefault targetDefault = target.table(ref.namespace(), ref.name())
                            .flatMap(t -> t.column(column.name())).map(Column::defaultValue).orElse(null);
                    out.add(new Step.EnumColumn(ref, column, targetDefault));
                }
            }
        }
        return out;
    }

    static boolean usesEnum(Column column, EnumType enumType) {
        return column.type().base() == PgType.ENUM && column.type().enumName().equals(enumType.name());
    }
}

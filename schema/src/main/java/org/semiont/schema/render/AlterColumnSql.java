package org.semiont.schema.render;

import static org.semiont.schema.sql.Identifiers.literal;
import static org.semiont.schema.sql.Identifiers.quote;

import java.util.ArrayList;
import java.util.List;
import org.semiont.schema.diff.Step;
import org.semiont.schema.sql.Column;
import org.semiont.schema.sql.ColumnDefault;

/**
 * An in-place column change: one ALTER TABLE with its clauses, plus the sequence statements when
 * autoincrement is added (the sequence is advanced past the current maximum, unlike Prisma) or removed.
 */
final class AlterColumnSql {
    private final SqlRenderer renderer;

    AlterColumnSql(SqlRenderer renderer) {
        this.renderer = renderer;
    }

    List<String> render(Step.AlterColumn step) {
        Column previous = step.previous();
        Column next = step.next();
        String column = " ALTER COLUMN " + quote(next.name());
        String typeSql = renderer.typeSql(next.type(), step.table().namespace());
        List<String> clauses = new ArrayList<>();
        boolean defaultChanged = step.defaultChanged();
        if (step.autoincrementRemoved()) {
            clauses.add(column + " DROP IDENTITY IF EXISTS");
        }
        if (defaultChanged && previous.defaultValue() != null) {
            clauses.add(column + " DROP DEFAULT");
        }
        if (step.typeChanged()) {
            clauses.add(column + " SET DATA TYPE " + typeSql + " USING (" + quote(next.name()) + "::" + typeSql + ")");
        }
        if (step.nullabilityChanged()) {
            clauses.add(column + (next.nullable() ? " DROP NOT NULL" : " SET NOT NULL"));
        }
        if (defaultChanged && next.defaultValue() != null && !next.autoincrement()) {
            clauses.add(column + " SET DEFAULT " + TypeSql.defaultValue(next.defaultValue(), typeSql));
        }
        List<String> out = new ArrayList<>();
        if (!clauses.isEmpty()) {
            out.add(SqlRenderer.alterTable(step.table()) + String.join(",", clauses));
        }
        if (step.autoincrementAdded()) {
            out.addAll(addSequence(step, typeSql));
        }
        if (step.autoincrementRemoved() && previous.defaultValue() instanceof ColumnDefault.Sequence s) {
            out.add("DROP SEQUENCE IF EXISTS " + SqlRenderer.qualified(step.table().namespace(), s.sequenceName()));
        }
        return out;
    }

    private List<String> addSequence(Step.AlterColumn step, String typeSql) {
        String table = SqlRenderer.qualified(step.table().namespace(), step.table().name());
        String name = step.next().defaultValue() instanceof ColumnDefault.Sequence s
                ? s.sequenceName() : sequenceName(step.table().name(), step.next().name());
        String sequence = SqlRenderer.qualified(step.table().namespace(), name);
        String as = SqlRenderer.isInteger(step.next().type()) ? " AS " + typeSql : "";
        String column = quote(step.next().name());
        return List.of(
                "CREATE SEQUENCE " + sequence + as,
                SqlRenderer.alterTable(step.table()) + " ALTER COLUMN " + column + " SET DEFAULT nextval(" + literal(sequence) + ")",
                "ALTER SEQUENCE " + sequence + " OWNED BY " + table + "." + column,
                "SELECT setval(" + literal(sequence) + ", COALESCE(MAX(" + column + "), 0) + 1, false) FROM " + table);
    }

    /** PostgreSQL's serial naming: {@code <table>_<column>_seq}, cut to 63 bytes. */
    static String sequenceName(String table, String column) {
        String name = table + "_" + column + "_seq";
        return name.length() <= 63 ? name : name.substring(0, 63);
    }
}

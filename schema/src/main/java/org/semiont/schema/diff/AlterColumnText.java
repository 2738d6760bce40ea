package org.semiont.schema.diff;

import java.util.ArrayList;
import java.util.List;
import org.semiont.schema.sql.ColumnDefault;

/** The readable summary of an in-place column change. */
final class AlterColumnText {
    private AlterColumnText() {
    }

    static String summary(Step.AlterColumn step) {
        List<String> parts = new ArrayList<>();
        if (step.typeChanged()) {
            parts.add("type " + TypeNames.display(step.previous().type()) + " → " + TypeNames.display(step.next().type()));
        }
        if (step.nullabilityChanged()) {
            parts.add(step.next().nullable() ? "now optional" : "now required");
        }
        if (step.autoincrementAdded()) {
            parts.add("now autoincrement");
        } else if (step.autoincrementRemoved()) {
            parts.add("no longer autoincrement");
        } else if (step.defaultChanged()) {
            parts.add("default " + text(step.previous().defaultValue()) + " → " + text(step.next().defaultValue()));
        }
        return "alter column `" + step.next().name() + "` on table `" + step.table().name() + "`: " + String.join(", ", parts);
    }

    static String text(ColumnDefault value) {
        if (value == null) {
            return "none";
        }
        if (value instanceof ColumnDefault.StringValue s) {
            return "\"" + s.value() + "\"";
        }
        if (value instanceof ColumnDefault.NumberValue n) {
            return n.value();
        }
        if (value instanceof ColumnDefault.BooleanValue b) {
            return String.valueOf(b.value());
        }
        if (value instanceof ColumnDefault.EnumValue e) {
            return e.value();
        }
        if (value instanceof ColumnDefault.Now) {
            return "now()";
        }
        if (value instanceof ColumnDefault.ListValue l) {
            return "'" + l.pgText() + "'";
        }
        if (value instanceof ColumnDefault.Sequence s) {
            return "autoincrement()";
        }
        if (value instanceof ColumnDefault.Expression e) {
            return "dbgenerated(\"" + e.sql() + "\")";
        }
        throw new IllegalStateException("unknown default " + value);
    }
}

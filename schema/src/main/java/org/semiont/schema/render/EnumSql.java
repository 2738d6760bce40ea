package org.semiont.schema.render;

import static org.semiont.schema.sql.Identifiers.literal;
import static org.semiont.schema.sql.Identifiers.quote;

import java.util.ArrayList;
import java.util.List;
import org.semiont.schema.diff.Step;
import org.semiont.schema.sql.EnumType;

/** Enum changes: ADD VALUE in place, or the recreate-and-convert recipe (safe inside one transaction). */
final class EnumSql {
    private final SqlRenderer renderer;

    EnumSql(SqlRenderer renderer) {
        this.renderer = renderer;
    }

    static List<String> addValues(Step.AddEnumValues step) {
        EnumType e = step.next();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < step.added().size(); i++) {
            String before = step.before().get(i);
            out.add("ALTER TYPE " + SqlRenderer.qualified(e.namespace(), e.name()) + " ADD VALUE " + literal(step.added().get(i))
                    + (before == null ? "" : " BEFORE " + literal(before)));
        }
        return out;
    }

    List<String> recreate(Step.RecreateEnum step) {
        EnumType e = step.next();
        String temp = e.name() + "_new";
        String tempSql = SqlRenderer.qualified(e.namespace(), temp);
        List<String> out = new ArrayList<>();
        out.add(renderer.createEnum(e, temp));
        for (Step.EnumColumn c : step.columns()) {
            String alter = SqlRenderer.alterTable(c.table()) + " ALTER COLUMN " + quote(c.column().name());
            if (c.column().defaultValue() != null) {
                out.add(alter + " DROP DEFAULT");
            }
            String array = c.column().type().array() ? "[]" : "";
            out.add(alter + " TYPE " + tempSql + array + " USING (" + quote(c.column().name()) + "::text" + array
                    + "::" + tempSql + array + ")");
        }
        out.add("ALTER TYPE " + SqlRenderer.qualified(e.namespace(), e.name()) + " RENAME TO " + quote(e.name() + "_old"));
        out.add("ALTER TYPE " + tempSql + " RENAME TO " + quote(e.name()));
        out.add("DROP TYPE " + SqlRenderer.qualified(e.namespace(), e.name() + "_old"));
        for (Step.EnumColumn c : step.columns()) {
            if (c.targetDefault() != null) {
                String typeSql = renderer.typeSql(c.column().type(), c.table().namespace());
                out.add(SqlRenderer.alterTable(c.table()) + " ALTER COLUMN " + quote(c.column().name()) + " SET DEFAULT "
                        + TypeSql.defaultValue(c.targetDefault(), typeSql));
            }
        }
        return out;
    }
}

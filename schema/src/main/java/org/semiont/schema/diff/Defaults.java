package org.semiont.schema.diff;

import java.util.Locale;
import org.semiont.schema.sql.Column;
import org.semiont.schema.sql.ColumnDefault;

/**
 * Default equality as the differ sees it: two autoincrement columns agree whatever their sequence is
 * called, and two expression defaults agree whatever their text (PostgreSQL reprints dbgenerated(…)
 * expressions in its own form, e.g. adds casts and parentheses, so comparing the text would report
 * drift forever; Prisma compares them the same way).
 */
final class Defaults {
    private Defaults() {
    }

    static boolean same(Column previous, Column next) {
        if (previous.autoincrement() || next.autoincrement()) {
            return previous.autoincrement() == next.autoincrement();
        }
        Object before = normal(previous.defaultValue());
        Object after = normal(next.defaultValue());
        if (before instanceof ColumnDefault.Expression && after instanceof ColumnDefault.Expression) {
            return true;
        }
        return before.equals(after);
    }

    private static Object normal(ColumnDefault value) {
        if (value == null) {
            return "";
        }
        if (value instanceof ColumnDefault.Expression e) {
            String sql = e.sql().trim().toLowerCase(Locale.ROOT);
            if (sql.equals("now()") || sql.equals("current_timestamp")) {
                return new ColumnDefault.Now();
            }
        }
        return value;
    }
}

package org.semiont.schema.diff;

import java.util.Locale;
import org.semiont.schema.sql.Column;
import org.semiont.schema.sql.ColumnDefault;

/** Default equality as the differ sees it: two autoincrement columns agree whatever their sequence is called. */
final class Defaults {
    private Defaults() {
    }

    static boolean same(Column previous, Column next) {
        if (previous.autoincrement() || next.autoincrement()) {
            return previous.autoincrement() == next.autoincrement();
        }
        return normal(previous.defaultValue()).equals(normal(next.defaultValue()));
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

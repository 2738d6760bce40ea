package org.semiont.schema.sql;

import java.util.List;

/** A foreign key; Prisma names it {@code <table>_<cols>_fkey}. */
public record ForeignKey(String constraintName, List<String> columns, String referencedNamespace,
                         String referencedTable, List<String> referencedColumns,
                         ReferentialAction onDelete, ReferentialAction onUpdate) {
    public ForeignKey {
        SqlSchema.requireName(constraintName, "foreign key name");
        columns = List.copyOf(columns);
        referencedColumns = List.copyOf(referencedColumns);
        if (columns.isEmpty() || columns.size() != referencedColumns.size()) {
            throw new IllegalArgumentException("foreign key " + constraintName + " needs matching column lists");
        }
    }

    public enum ReferentialAction {
        CASCADE("CASCADE"), RESTRICT("RESTRICT"), NO_ACTION("NO ACTION"), SET_NULL("SET NULL"), SET_DEFAULT("SET DEFAULT");

        private final String sql;

        ReferentialAction(String sql) {
            this.sql = sql;
        }

        public String sql() {
            return sql;
        }
    }
}

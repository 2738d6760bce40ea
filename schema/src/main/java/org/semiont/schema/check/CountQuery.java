package org.semiont.schema.check;

import static org.semiont.schema.sql.Identifiers.literal;
import static org.semiont.schema.sql.Identifiers.quote;

import java.util.List;
import java.util.stream.Collectors;
import org.semiont.schema.diff.Step.TableRef;

/** One count a check needs; equal queries are run once. */
public sealed interface CountQuery {
    String sql();

    private static String qualified(TableRef t) {
        return quote(t.namespace()) + "." + quote(t.name());
    }

    record RowCount(TableRef table) implements CountQuery {
        public String sql() {
            return "SELECT COUNT(*) FROM " + qualified(table);
        }
    }

    record NonNullCount(TableRef table, String column) implements CountQuery {
        public String sql() {
            return "SELECT COUNT(*) FROM " + qualified(table) + " WHERE " + quote(column) + " IS NOT NULL";
        }
    }

    /** Rows that repeat the (non-NULL) values of another row in the given columns. */
    record DuplicateCount(TableRef table, List<String> columns) implements CountQuery {
        public DuplicateCount {
            columns = List.copyOf(columns);
        }

        public String sql() {
            String cols = columns.stream().map(c -> quote(c)).collect(Collectors.joining(", "));
            String notNull = columns.stream().map(c -> quote(c) + " IS NOT NULL").collect(Collectors.joining(" AND "));
            return "SELECT COALESCE(SUM(n - 1), 0) FROM (SELECT COUNT(*) AS n FROM " + qualified(table) + " WHERE " + notNull
                    + " GROUP BY " + cols + " HAVING COUNT(*) > 1) AS d";
        }
    }

    /** Rows whose foreign key columns are all non-NULL but match no parent row (MATCH SIMPLE). */
    record OrphanCount(TableRef child, List<String> columns, TableRef parent, List<String> parentColumns,
                       boolean parentIsNew) implements CountQuery {
        public OrphanCount {
            columns = List.copyOf(columns);
            parentColumns = List.copyOf(parentColumns);
        }

        public String sql() {
            String notNull = columns.stream().map(c -> "c." + quote(c) + " IS NOT NULL").collect(Collectors.joining(" AND "));
            String base = "SELECT COUNT(*) FROM " + qualified(child) + " AS c WHERE " + notNull;
            if (parentIsNew) {
                return base;
            }
            StringBuilder match = new StringBuilder();
            for (int i = 0; i < columns.size(); i++) {
                match.append(i == 0 ? "" : " AND ").append("p.").append(quote(parentColumns.get(i)))
                        .append(" = c.").append(quote(columns.get(i)));
            }
            return base + " AND NOT EXISTS (SELECT 1 FROM " + qualified(parent) + " AS p WHERE " + match + ")";
        }
    }

    /** Rows holding any of the values, over all the given enum columns. */
    record EnumUsageCount(List<EnumColumnRef> columns, List<String> values) implements CountQuery {
        public EnumUsageCount {
            columns = List.copyOf(columns);
            values = List.copyOf(values);
        }

        public String sql() {
            String list = values.stream().map(v -> literal(v)).collect(Collectors.joining(", "));
            if (columns.isEmpty()) {
                return "SELECT 0";
            }
            return "SELECT " + columns.stream().map(c -> "(SELECT COUNT(*) FROM " + qualified(c.table()) + " WHERE "
                    + (c.array() ? quote(c.column()) + "::text[] && ARRAY[" + list + "]::text[]"
                            : quote(c.column()) + "::text IN (" + list + ")") + ")")
                    .collect(Collectors.joining(" + "));
        }
    }

    record EnumColumnRef(TableRef table, String column, boolean array) { }
}

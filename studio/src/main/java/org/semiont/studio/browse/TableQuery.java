package org.semiont.studio.browse;

import java.util.ArrayList;
import java.util.List;
import org.semiont.schema.sql.Column;
import org.semiont.schema.sql.Identifiers;
import org.semiont.schema.sql.Table;
import org.semiont.studio.StudioError;
import org.semiont.studio.StudioException;

/**
 * Builds a table page's SELECT from the described table and a request: a pure function. Identifiers come only from
 * the {@link Table}; every value the person typed is a bound parameter cast to the column's type by PostgreSQL.
 *
 * <p>Pages are keyset pages: ordered by the sort column, then the primary key (or {@code ctid} for a table without
 * one), and the next page starts after the last row's values, so page 10,000 costs what page 1 does.
 */
public final class TableQuery {
    private TableQuery() {
    }

    /** The page's statement; it asks for one row more than the limit, to know whether a next page exists. */
    public static SqlText page(Table table, TableRequest r) {
        List<String> params = new ArrayList<>();
        List<String> where = new ArrayList<>();
        for (Filter f : r.filters()) {
            where.add(condition(table, f, params));
        }
        Ordering order = Ordering.of(table, r.sort(), r.descending());
        if (!r.after().isEmpty()) {
            where.add(order.after(table, r.after(), params));
        }
        String sql = "SELECT " + selectList(table) + " FROM " + table.qualifiedName()
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY " + order.orderBy() + " LIMIT " + (r.limit() + 1);
        return new SqlText(sql, params);
    }

    /** Every column, and {@code ctid} for a table without a primary key (its rows' keyset). */
    static String selectList(Table table) {
        List<String> cols = new ArrayList<>(table.columns().stream().map(c -> Identifiers.quote(c.name())).toList());
        if (table.primaryKey() == null) {
            cols.add("ctid::text AS \"ctid\"");
        }
        return String.join(", ", cols);
    }

    /** The values of a row that the next page starts after, in the order {@link Ordering#after} reads them. */
    public static List<String> cursorOf(Table table, String sort, List<String> columnNames, List<String> row) {
        Ordering order = Ordering.of(table, sort, false);
        List<String> values = new ArrayList<>();
        for (String name : order.cursorColumns()) {
            values.add(row.get(columnNames.indexOf(name)));
        }
        return values;
    }

    static String condition(Table table, Filter f, List<String> params) {
        Column c = column(table, f.column());
        String col = Identifiers.quote(c.name());
        switch (f.op()) {
            case NULL:
                return col + " IS NULL";
            case NOT_NULL:
                return col + " IS NOT NULL";
            case CONTAINS:
                params.add("%" + likeEscaped(f.value()) + "%");
                return (SqlTypes.isText(c) ? col : "CAST(" + col + " AS TEXT)") + " ILIKE ?";
            case HAS:
                requireArray(c, f);
                params.add(f.value());
                return col + " @> ARRAY[CAST(? AS " + SqlTypes.elementType(table, c) + ")]";
            case PATH:
                return jsonPath(c, col, f, params);
            default:
                return compare(table, c, col, f, params);
        }
    }

    private static String compare(Table table, Column c, String col, Filter f, List<String> params) {
        String operator = switch (f.op()) {
            case EQ -> "=";
            case GT -> ">";
            case GTE -> ">=";
            case LT -> "<";
            case LTE -> "<=";
            default -> throw new IllegalStateException("not a comparison: " + f.op());
        };
        params.add(f.value());
        if (SqlTypes.isJson(c)) {
            if (f.op() != Filter.Op.EQ) {
                throw invalid("a JSON column compares only for equality; use a JSON path filter on " + c.name());
            }
            return "CAST(" + col + " AS JSONB) = CAST(? AS JSONB)";
        }
        if (!SqlTypes.sortable(c)) {
            throw invalid("column " + c.name() + " cannot be compared; filter it with contains or null");
        }
        return col + " " + operator + " " + SqlTypes.param(table, c);
    }

    private static String jsonPath(Column c, String col, Filter f, List<String> params) {
        if (!SqlTypes.isJson(c)) {
            throw invalid("a JSON path filters a Json column; " + c.name() + " is not one");
        }
        if (f.path().isBlank()) {
            throw invalid("the JSON path filter on " + c.name() + " needs a path, e.g. $.purpose or $[*].value");
        }
        params.add(f.path());
        if (f.value().isEmpty()) {
            return "jsonb_path_exists(CAST(" + col + " AS JSONB), CAST(? AS JSONPATH))";
        }
        params.add(f.value());
        // any match equal to the value as text: a path over an array ($[*].value) finds it in any item
        return "EXISTS (SELECT 1 FROM jsonb_path_query(CAST(" + col + " AS JSONB), CAST(? AS JSONPATH)) AS m(v) "
                + "WHERE m.v #>> '{}' = ?)";
    }

    private static void requireArray(Column c, Filter f) {
        if (!c.type().array()) {
            throw invalid("\"array has\" filters a list column; " + c.name() + " is not one (use equals)");
        }
    }

    static Column column(Table table, String name) {
        return table.column(name).orElseThrow(() -> invalid("model " + table.name() + " has no column \"" + name + "\""));
    }

    static String likeEscaped(String v) {
        return v.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    static StudioException invalid(String message) {
        return new StudioException(StudioError.INVALID_REQUEST, message);
    }
}

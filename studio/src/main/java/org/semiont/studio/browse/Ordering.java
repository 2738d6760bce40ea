package org.semiont.studio.browse;

import java.util.ArrayList;
import java.util.List;
import org.semiont.schema.sql.Column;
import org.semiont.schema.sql.Identifiers;
import org.semiont.schema.sql.Table;

/**
 * A table page's order: the sort column (nulls last) then the keys ascending, and the keyset condition that starts a
 * page after a row. Keys are the primary key's columns, or {@code ctid} for a table without one.
 */
record Ordering(Column sort, boolean descending, List<String> keys, Table table) {
    static Ordering of(Table table, String sortName, boolean descending) {
        List<String> keys = table.primaryKey() == null ? List.of("ctid") : table.primaryKey().columns();
        Column sort = null;
        if (sortName != null && !sortName.isEmpty()) {
            sort = TableQuery.column(table, sortName);
            if (!SqlTypes.sortable(sort)) {
                throw TableQuery.invalid("column " + sortName + " cannot be sorted (its type has no order)");
            }
            if (keys.size() == 1 && keys.get(0).equals(sortName)) {
                return new Ordering(null, descending, keys, table); // the key itself, in either direction
            }
        }
        return new Ordering(sort, descending, keys, table);
    }

    String orderBy() {
        List<String> parts = new ArrayList<>();
        if (sort != null) {
            parts.add(Identifiers.quote(sort.name()) + (descending ? " DESC" : " ASC") + (sort.nullable() ? " NULLS LAST" : ""));
        }
        String keyDir = sort == null && descending ? " DESC" : "";
        keys.forEach(k -> parts.add(key(k) + keyDir));
        return String.join(", ", parts);
    }

    /** Column names whose values make a cursor: the sort column (if any), then the keys. */
    List<String> cursorColumns() {
        List<String> cols = new ArrayList<>();
        if (sort != null) {
            cols.add(sort.name());
        }
        cols.addAll(keys);
        return cols;
    }

    String after(Table t, List<String> cursor, List<String> params) {
        if (cursor.size() != cursorColumns().size()) {
            throw TableQuery.invalid("the page cursor does not fit this order; start again from the first page");
        }
        List<String> keyValues = cursor.subList(sort == null ? 0 : 1, cursor.size());
        if (sort == null) {
            keyValues.forEach(params::add);
            return keyTuple() + (descending ? " < " : " > ") + keyParams(t);
        }
        String col = Identifiers.quote(sort.name());
        String s = cursor.get(0);
        if (s == null) {
            keyValues.forEach(params::add);
            return "(" + col + " IS NULL AND " + keyTuple() + " > " + keyParams(t) + ")";
        }
        String cast = SqlTypes.param(t, sort);
        params.add(s);
        params.add(s);
        keyValues.forEach(params::add);
        String cmp = descending ? " < " : " > ";
        return "(" + (sort.nullable() ? col + " IS NULL OR " : "") + col + cmp + cast + " OR (" + col + " = " + cast
                + " AND " + keyTuple() + " > " + keyParams(t) + "))";
    }

    private String keyTuple() {
        return "(" + String.join(", ", keys.stream().map(Ordering::key).toList()) + ")";
    }

    private String keyParams(Table t) {
        return "(" + String.join(", ", keys.stream().map(k -> k.equals("ctid") ? "CAST(? AS TID)"
                : SqlTypes.param(t, t.column(k).orElseThrow())).toList()) + ")";
    }

    private static String key(String k) {
        return k.equals("ctid") ? "ctid" : Identifiers.quote(k);
    }
}

package org.semiont.studio.browse;

import java.util.List;

/**
 * One page of a table: the column names in table order, the rows' values as text (null for SQL NULL), each row's key
 * for its link (null for a table without a primary key), the cursor after the last row (null on the last page) and
 * what ran.
 */
public record TablePage(List<String> columns, List<List<String>> rows, List<String> rowKeys, String nextCursor,
                        List<SqlText> ran, double millis) {
    public TablePage {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        rowKeys = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(rowKeys));
        ran = List.copyOf(ran);
    }
}

package org.semiont.studio.browse;

import java.util.List;

/** One row: column names and values as text, in table order, and the statement that read it. */
public record RowData(String model, List<String> columns, List<String> values, SqlText ran) {
    public RowData {
        columns = List.copyOf(columns);
        values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
    }

    public String get(String column) {
        int i = columns.indexOf(column);
        if (i < 0) {
            throw new IllegalArgumentException(model + " has no column " + column);
        }
        return values.get(i);
    }
}

package org.semiont.schema.sql;

import java.util.List;

/**
 * An index. Prisma creates uniques as {@code CREATE UNIQUE INDEX "<table>_<cols>_key"} and plain
 * indexes as {@code "<table>_<cols>_idx"}. {@code method} is the access method ("btree", "hash", "gin", …).
 */
public record Index(String name, List<IndexColumn> columns, boolean unique, String method) {
    public Index {
        SqlSchema.requireName(name, "index name");
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("an index needs at least one column");
        }
        if (method == null) {
            method = "btree";
        }
    }

    public List<String> columnNames() {
        return columns.stream().map(IndexColumn::column).toList();
    }

    public record IndexColumn(String column, SortOrder sort) {
        public IndexColumn {
            SqlSchema.requireName(column, "index column");
            if (sort == null) {
                sort = SortOrder.ASC;
            }
        }
    }

    public enum SortOrder { ASC, DESC }
}

package org.semiont.schema.sql;

import java.util.List;

/** A primary key constraint; Prisma names it {@code <table>_pkey}. */
public record PrimaryKey(String constraintName, List<String> columns) {
    public PrimaryKey {
        SqlSchema.requireName(constraintName, "primary key name");
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a primary key needs at least one column");
        }
    }
}

package org.semiont.schema.target;

/** Identifies a column in a {@link org.semiont.schema.sql.SqlSchema}. */
public record ColumnKey(String namespace, String table, String column) { }

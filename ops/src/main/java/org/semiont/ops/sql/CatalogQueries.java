package org.semiont.ops.sql;

/** The catalog queries behind {@code \dt} and {@code \d TABLE}. */
final class CatalogQueries {
    static final String TABLES = """
            SELECT n.nspname AS "Schema", c.relname AS "Name",
                   CASE c.relkind WHEN 'p' THEN 'partitioned table' ELSE 'table' END AS "Type",
                   pg_get_userbyid(c.relowner) AS "Owner",
                   pg_size_pretty(pg_total_relation_size(c.oid)) AS "Size",
                   c.reltuples::bigint AS "Rows (estimate)"
              FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE c.relkind IN ('r', 'p') AND n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%'
               AND (? = '' OR c.relname LIKE ?)
             ORDER BY 1, 2""";
    /** The one table a name means on the search path, as {@code regclass} resolves it. */
    static final String RESOLVE = "SELECT c.oid, n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE c.oid = to_regclass(?)";
    static final String COLUMNS = """
            SELECT a.attname AS "Column", format_type(a.atttypid, a.atttypmod) AS "Type",
                   CASE WHEN a.attnotnull THEN 'not null' ELSE '' END AS "Nullable",
                   coalesce(pg_get_expr(d.adbin, d.adrelid), '') AS "Default"
              FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
             WHERE a.attrelid = ? AND a.attnum > 0 AND NOT a.attisdropped
             ORDER BY a.attnum""";
    static final String INDEXES = """
            SELECT i.relname AS name, pg_get_indexdef(x.indexrelid) AS definition
              FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
             WHERE x.indrelid = ?
             ORDER BY x.indisprimary DESC, i.relname""";
    static final String CONSTRAINTS = """
            SELECT conname AS name, pg_get_constraintdef(oid) AS definition
              FROM pg_constraint WHERE conrelid = ? AND contype IN ('f', 'c')
             ORDER BY contype, conname""";

    private CatalogQueries() {
    }
}

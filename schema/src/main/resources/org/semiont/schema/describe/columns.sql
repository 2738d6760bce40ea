-- Columns in attnum order, with the type, its element type for arrays, and the default as PostgreSQL prints it.
SELECT n.nspname AS namespace, c.relname AS table_name, a.attname AS column_name,
       t.typname AS type_name, t.typtype AS type_type, t.typcategory AS type_category,
       et.typname AS elem_name, et.typtype AS elem_type,
       pg_catalog.format_type(a.atttypid, a.atttypmod) AS formatted,
       NOT a.attnotnull AS nullable,
       pg_catalog.pg_get_expr(d.adbin, d.adrelid) AS default_expr,
       a.attidentity <> '' AS is_identity,
       CASE WHEN a.attidentity <> '' THEN
           pg_catalog.pg_get_serial_sequence(pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(c.relname), a.attname)
       END AS identity_sequence
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
LEFT JOIN pg_catalog.pg_type et ON et.oid = t.typelem AND t.typcategory = 'A'
LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND n.nspname = ANY (?)
ORDER BY n.nspname, c.relname, a.attnum

-- Indexes other than primary keys, key columns in index order with their DESC flag (indoption bit 0).
-- Expression, partial and exclusion-constraint indexes are reported so the describer can leave them out.
SELECT n.nspname AS namespace, t.relname AS table_name, i.relname AS index_name,
       ix.indisunique AS is_unique, am.amname AS method,
       (ix.indpred IS NOT NULL OR ix.indexprs IS NOT NULL OR 0 = ANY (ix.indkey::int2[])) AS not_plain,
       EXISTS (SELECT 1 FROM pg_catalog.pg_constraint con
               WHERE con.conindid = ix.indexrelid AND con.conrelid = ix.indrelid AND con.contype = 'u') AS is_constraint,
       EXISTS (SELECT 1 FROM pg_catalog.pg_constraint con
               WHERE con.conindid = ix.indexrelid AND con.conrelid = ix.indrelid AND con.contype = 'x') AS is_exclusion,
       ARRAY(SELECT a.attname FROM unnest(ix.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
             JOIN pg_catalog.pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
             WHERE k.ord <= ix.indnkeyatts ORDER BY k.ord) AS columns,
       ARRAY(SELECT (o.opt & 1) = 1 FROM unnest(ix.indoption::int2[]) WITH ORDINALITY AS o(opt, ord)
             WHERE o.ord <= ix.indnkeyatts ORDER BY o.ord) AS descending
FROM pg_catalog.pg_index ix
JOIN pg_catalog.pg_class i ON i.oid = ix.indexrelid
JOIN pg_catalog.pg_class t ON t.oid = ix.indrelid
JOIN pg_catalog.pg_namespace n ON n.oid = t.relnamespace
JOIN pg_catalog.pg_am am ON am.oid = i.relam
WHERE NOT ix.indisprimary AND t.relkind IN ('r', 'p') AND NOT t.relispartition AND n.nspname = ANY (?)

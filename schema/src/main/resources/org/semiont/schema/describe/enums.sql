-- Enum types with their values in sort order.
SELECT n.nspname AS namespace, t.typname AS enum_name, e.enumlabel AS value
FROM pg_catalog.pg_type t
JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
JOIN pg_catalog.pg_enum e ON e.enumtypid = t.oid
WHERE n.nspname = ANY (?)
ORDER BY n.nspname, t.typname, e.enumsortorder

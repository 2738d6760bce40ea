package org.semiont.schema.describe;

import java.util.Set;
import org.semiont.schema.sql.SqlSchema;

/**
 * The live database as read from pg_catalog.
 *
 * @param schema the tables and enums of the existing requested namespaces ({@code schema.namespaces()}
 *               lists only the namespaces that exist)
 * @param constraintIndexes unique indexes that back a UNIQUE constraint, as "namespace.index": they are
 *                          dropped with ALTER TABLE … DROP CONSTRAINT instead of DROP INDEX
 */
public record DescribedSchema(SqlSchema schema, Set<String> constraintIndexes) {
    public DescribedSchema {
        constraintIndexes = Set.copyOf(constraintIndexes);
    }

    public static String indexKey(String namespace, String index) {
        return namespace + "." + index;
    }
}

package org.semiont.schema.target;

import java.util.Set;
import org.semiont.schema.sql.SqlSchema;

/**
 * The database a schema file asks for, plus the columns Prisma fills itself.
 *
 * @param prismaLevelDefaults columns with cuid(), uuid(), nanoid(), ulid() … (no database default)
 * @param updatedAtColumns columns with @updatedAt
 */
public record TargetSchema(SqlSchema sql, Set<ColumnKey> prismaLevelDefaults, Set<ColumnKey> updatedAtColumns) {
    public TargetSchema {
        prismaLevelDefaults = Set.copyOf(prismaLevelDefaults);
        updatedAtColumns = Set.copyOf(updatedAtColumns);
    }
}

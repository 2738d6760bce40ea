package org.semiont.schema.diff;

import java.util.Objects;
import java.util.Set;
import org.semiont.schema.sql.SqlSchema;

/**
 * What the differ compares.
 *
 * @param previous the live schema
 * @param next the target schema
 * @param constraintIndexes live unique indexes backing a UNIQUE constraint, as "namespace.index"
 */
public record SchemaPair(SqlSchema previous, SqlSchema next, Set<String> constraintIndexes) {
    public SchemaPair {
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(next, "next");
        constraintIndexes = Set.copyOf(constraintIndexes);
    }
}

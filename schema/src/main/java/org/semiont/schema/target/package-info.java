/**
 * Validated PSL → the {@link org.semiont.schema.sql.SqlSchema} Prisma would create, in the normal form that
 * {@code describe} also produces, plus the columns Prisma fills itself ({@link org.semiont.schema.target.TargetSchema}).
 * Pure: no I/O.
 */
package org.semiont.schema.target;

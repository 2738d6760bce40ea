/**
 * Live {@link org.semiont.schema.sql.SqlSchema} → PSL text with Prisma's {@code db pull} conventions; with a previous
 * schema, its names, maps, Prisma-level defaults and datasource/generator blocks are kept. Pure: no I/O.
 */
package org.semiont.schema.pull;

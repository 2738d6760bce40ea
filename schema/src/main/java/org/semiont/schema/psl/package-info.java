/**
 * Prisma Schema Language: {@link org.semiont.schema.psl.PslParser} turns text into a validated
 * {@link org.semiont.schema.psl.PrismaSchema} (an AST whose nodes carry {@link org.semiont.schema.psl.Span}s),
 * collecting every problem as a diagnostic with file:line:column. Pure: no I/O.
 */
package org.semiont.schema.psl;

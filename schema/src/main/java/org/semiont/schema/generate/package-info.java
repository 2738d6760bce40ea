/**
 * Values for Prisma-level defaults ({@code cuid()}, {@code cuid(2)}, {@code uuid()}, {@code uuid(7)}, {@code nanoid()},
 * {@code ulid()}, {@code @updatedAt}), which put nothing in the database and are filled by the application on insert.
 */
package org.semiont.schema.generate;

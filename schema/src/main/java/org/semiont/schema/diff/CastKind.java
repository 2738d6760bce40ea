package org.semiont.schema.diff;

/** How a column type change is carried out (Prisma's PostgreSQL classification). */
public enum CastKind {
    /** ALTER COLUMN … SET DATA TYPE, no data at risk. */
    SAFE,
    /** ALTER COLUMN … SET DATA TYPE, values may be truncated or the cast may fail. */
    RISKY,
    /** No cast: the column is dropped and recreated. */
    NOT_CASTABLE
}

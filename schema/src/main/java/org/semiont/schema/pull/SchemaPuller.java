package org.semiont.schema.pull;

import java.util.Optional;
import org.semiont.schema.psl.PrismaSchema;
import org.semiont.schema.sql.SqlSchema;

/** Live {@link SqlSchema} → PSL text following Prisma's db pull conventions. */
public final class SchemaPuller {
    private SchemaPuller() {
    }

    /**
     * previous: the existing schema file (re-introspection keeps its names, @map/@@map, Prisma-level defaults,
     * @updatedAt, and its datasource/generator blocks); empty → a fresh file with
     * `datasource db { provider = "postgresql"  url = env("DATABASE_URL") }`.
     */
    public static PullResult pull(SqlSchema live, Optional<PrismaSchema> previous) {
        throw new UnsupportedOperationException("pull not yet available");
    }
}

package org.semiont.schema.target;

import org.semiont.schema.psl.PrismaSchema;

/** Validated PSL → the {@link TargetSchema} Prisma would create. */
public final class TargetCalculator {
    private TargetCalculator() {
    }

    /** defaultNamespace: used when the datasource has no `schemas` list (from the URL's ?schema=, default "public"). */
    public static TargetSchema calculate(PrismaSchema schema, String defaultNamespace) {
        throw new UnsupportedOperationException("target calculation not yet available");
    }
}

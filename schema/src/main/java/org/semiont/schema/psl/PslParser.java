package org.semiont.schema.psl;

/** Entry point of the PSL package: text → validated {@link PrismaSchema}. */
public final class PslParser {
    private PslParser() {
    }

    /**
     * Parses and validates; throws SchemaException(SCHEMA_INVALID, "<n> error(s) in <file>", details =
     * one line per diagnostic "file:line:column: message") when invalid.
     */
    public static PrismaSchema parse(String fileName, String source) {
        throw new UnsupportedOperationException("parser not yet available");
    }
}

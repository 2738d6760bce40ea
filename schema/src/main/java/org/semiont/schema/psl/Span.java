package org.semiont.schema.psl;

/** A place in a schema file: 1-based line and column of the start, and the character offsets [start, end). */
public record Span(int line, int column, int start, int end) {
    public static final Span NONE = new Span(0, 0, 0, 0);

    public String describe(String fileName) {
        return fileName + ":" + line + ":" + column;
    }
}

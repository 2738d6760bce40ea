package org.semiont.schema.psl;

/** One problem found in a schema file, at a place. */
public record Diagnostic(Span span, String message) {
    public String format(String fileName) {
        return span.describe(fileName) + ": " + message;
    }
}

package org.semiont.schema.psl;

/** A field's type: a scalar, enum or model name, with its arity; {@code unsupported} holds Unsupported("…") text. */
public record FieldType(String name, Arity arity, String unsupported, Span span) {
    public enum Arity { REQUIRED, OPTIONAL, LIST }

    public boolean isUnsupported() {
        return unsupported != null;
    }
}

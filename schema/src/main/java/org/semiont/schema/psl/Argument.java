package org.semiont.schema.psl;

/** An attribute or call argument; {@code name} is null for a positional argument. */
public record Argument(String name, Expr value, Span span) { }

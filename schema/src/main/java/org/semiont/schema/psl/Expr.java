package org.semiont.schema.psl;

import java.util.List;

/** An attribute argument value in PSL. */
public sealed interface Expr {
    Span span();

    /** A string literal, unescaped. */
    record StringLit(String value, Span span) implements Expr { }

    /** A number literal as written (e.g. "-1.5"). */
    record NumberLit(String text, Span span) implements Expr { }

    /** A bare identifier: true, false, an enum value, a field name, Cascade … */
    record Ident(String name, Span span) implements Expr { }

    /** A function call: now(), cuid(2), env("X"), dbgenerated("…"), sort arguments like id(sort: Desc). */
    record Call(String name, List<Argument> args, Span span) implements Expr {
        public Call {
            args = List.copyOf(args);
        }
    }

    /** An array literal: [a, b]. */
    record ArrayLit(List<Expr> items, Span span) implements Expr {
        public ArrayLit {
            items = List.copyOf(items);
        }
    }
}

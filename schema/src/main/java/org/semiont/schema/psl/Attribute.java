package org.semiont.schema.psl;

import java.util.List;
import java.util.Optional;

/**
 * A field attribute ({@code @id}, {@code @db.VarChar(255)}) or block attribute ({@code @@map("x")});
 * {@code name} is without the at signs ("id", "db.VarChar", "map").
 */
public record Attribute(String name, List<Argument> args, Span span) {
    public Attribute {
        args = List.copyOf(args);
    }

    /** The argument with this name, or else the positional argument at {@code position} (if any). */
    public Optional<Expr> arg(String argName, int position) {
        for (Argument a : args) {
            if (argName.equals(a.name())) {
                return Optional.of(a.value());
            }
        }
        int index = 0;
        for (Argument a : args) {
            if (a.name() == null) {
                if (index == position) {
                    return Optional.of(a.value());
                }
                index++;
            }
        }
        return Optional.empty();
    }

    public Optional<Expr> named(String argName) {
        return arg(argName, -1);
    }
}

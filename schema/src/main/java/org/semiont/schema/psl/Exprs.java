package org.semiont.schema.psl;

import java.util.List;
import java.util.stream.Collectors;

/** Prints expressions and attributes back as PSL text. */
public final class Exprs {
    private Exprs() {
    }

    public static String toText(Expr e) {
        if (e instanceof Expr.StringLit) {
            return quote(((Expr.StringLit) e).value());
        } else if (e instanceof Expr.NumberLit) {
            return ((Expr.NumberLit) e).text();
        } else if (e instanceof Expr.Ident) {
            return ((Expr.Ident) e).name();
        } else if (e instanceof Expr.Call) {
            Expr.Call c = (Expr.Call) e;
            return c.name() + "(" + arguments(c.args()) + ")";
        } else if (e instanceof Expr.ArrayLit) {
            return "[" + ((Expr.ArrayLit) e).items().stream().map(Exprs::toText).collect(Collectors.joining(", ")) + "]";
        }
        throw new IllegalArgumentException("unknown expression " + e);
    }

    public static String arguments(List<Argument> args) {
        return args.stream().map(a -> (a.name() == null ? "" : a.name() + ": ") + toText(a.value()))
                .collect(Collectors.joining(", "));
    }

    /** "@name(args)" for a field attribute, with {@code prefix} "@" or "@@". */
    public static String toText(String prefix, Attribute a) {
        return prefix + a.name() + (a.args().isEmpty() ? "" : "(" + arguments(a.args()) + ")");
    }

    public static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }
}

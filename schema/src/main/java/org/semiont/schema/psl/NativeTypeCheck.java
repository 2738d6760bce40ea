package org.semiont.schema.psl;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Checks a {@code @db.X(args)} attribute: known type, matching scalar, argument count and values. */
final class NativeTypeCheck {
    private final List<Diagnostic> diagnostics;

    NativeTypeCheck(List<Diagnostic> diagnostics) {
        this.diagnostics = diagnostics;
    }

    void check(Field f, Attribute a, String typeName, boolean relation) {
        Optional<NativeType> type = NativeType.of(typeName);
        if (type.isEmpty()) {
            List<String> names = Arrays.stream(NativeType.values()).map(Enum::name).toList();
            error(a, "Native type \"" + typeName + "\" is not known for PostgreSQL." + Suggestions.didYouMean(typeName, names));
            return;
        }
        NativeType t = type.get();
        if (relation || f.type().isUnsupported() || !t.scalar().name().equals(f.type().name())) {
            error(a, "Native type \"" + typeName + "\" is not compatible with type \"" + f.type().name() + "\" of field \""
                    + f.name() + "\": use it on a " + t.scalar().name() + " field.");
            return;
        }
        int n = a.args().size();
        if (n < t.minArgs() || n > t.maxArgs() || (t == NativeType.Decimal && n == 1)) {
            String expected = t == NativeType.Decimal ? "none or two (precision, scale)" : t.maxArgs() == 0 ? "none" : "at most " + t.maxArgs();
            error(a, "Native type \"" + typeName + "\" takes " + expected + " argument(s), but " + n + " were given.");
            return;
        }
        for (Argument arg : a.args()) {
            if (!(arg.value() instanceof Expr.NumberLit) || !((Expr.NumberLit) arg.value()).text().chars().allMatch(Character::isDigit)) {
                error(a, "Arguments of \"@" + a.name() + "\" must be non-negative whole numbers.");
                return;
            }
        }
    }

    /** The arguments of a valid native type attribute, with PostgreSQL's implicit ones filled in. */
    static List<Integer> args(NativeType t, Attribute a) {
        if (a.args().isEmpty()) {
            return t.defaultArgs();
        }
        return a.args().stream().map(x -> Integer.parseInt(((Expr.NumberLit) x.value()).text())).toList();
    }

    private void error(Attribute a, String message) {
        diagnostics.add(new Diagnostic(a.span(), message));
    }
}

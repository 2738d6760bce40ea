package org.semiont.schema.psl;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks that an attribute gets only the arguments it knows, and at most as many unnamed ones as it takes. */
final class ArgumentCheck {
    private static final Map<String, List<String>> FIELD = Map.of(
            "id", List.of("map", "sort", "length", "clustered"), "unique", List.of("map", "sort", "length", "clustered"),
            "default", List.of("value", "map"), "map", List.of("name"), "updatedAt", List.of(), "ignore", List.of(),
            "relation", List.of("name", "fields", "references", "onDelete", "onUpdate", "map"));
    private static final Map<String, List<String>> BLOCK = Map.of(
            "id", List.of("fields", "name", "map", "clustered"), "unique", List.of("fields", "name", "map", "clustered"),
            "index", List.of("fields", "name", "map", "type", "clustered"), "map", List.of("name"), "schema", List.of("name"),
            "ignore", List.of());
    /** Field attributes whose first argument may be given without its name; every block attribute's may. */
    private static final Set<String> FIELD_POSITIONAL = Set.of("default", "map", "relation");
    private static final List<String> INDEX_TYPES = List.of("BTree", "Hash", "Gin", "Gist", "Brin", "SpGist");

    private ArgumentCheck() {
    }

    static void field(Attribute a, List<Diagnostic> diagnostics) {
        check(a, "@", FIELD.get(a.name()), FIELD_POSITIONAL.contains(a.name()), diagnostics);
    }

    static void block(Attribute a, List<Diagnostic> diagnostics) {
        check(a, "@@", BLOCK.get(a.name()), true, diagnostics);
        if (a.name().equals("index")) {
            a.named("type").ifPresent(t -> {
                if (!(t instanceof Expr.Ident) || !INDEX_TYPES.contains(((Expr.Ident) t).name())) {
                    diagnostics.add(new Diagnostic(t.span(), "Index type \"" + Exprs.toText(t) + "\" is not known: use one of "
                            + String.join(", ", INDEX_TYPES) + "." + Suggestions.didYouMean(Exprs.toText(t), INDEX_TYPES)));
                }
            });
        }
    }

    private static void check(Attribute a, String prefix, List<String> known, boolean positionalFirst, List<Diagnostic> diagnostics) {
        if (known == null) {
            return;
        }
        int positional = 0;
        for (Argument arg : a.args()) {
            if (arg.name() == null) {
                positional++;
                if (!positionalFirst || known.isEmpty() || positional > 1) {
                    diagnostics.add(new Diagnostic(arg.span(), prefix + a.name() + (known.isEmpty() ? " takes no arguments."
                            : positionalFirst ? " takes one unnamed argument at most; name the others (" + String.join(", ", known) + ")."
                            : " takes only named arguments (" + String.join(", ", known) + ").")));
                }
            } else if (!known.contains(arg.name())) {
                diagnostics.add(new Diagnostic(arg.span(), "Unknown argument \"" + arg.name() + "\" for " + prefix + a.name() + "."
                        + Suggestions.didYouMean(arg.name(), known) + (known.isEmpty() ? "" : " Known: " + String.join(", ", known) + ".")));
            }
        }
    }
}

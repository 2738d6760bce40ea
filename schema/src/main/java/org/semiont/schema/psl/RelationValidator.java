package org.semiont.schema.psl;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Checks relations: an opposite field exists, one side holds fields/references, and those fields exist and match. */
final class RelationValidator {
    private static final Set<String> ACTIONS = Set.of("Cascade", "Restrict", "NoAction", "SetNull", "SetDefault");
    private final PrismaSchema schema;
    private final List<Diagnostic> diagnostics;

    RelationValidator(PrismaSchema schema, List<Diagnostic> diagnostics) {
        this.schema = schema;
        this.diagnostics = diagnostics;
    }

    void validate() {
        for (Relations.Relation r : Relations.of(schema)) {
            Relations.End a = r.owner();
            if (r.other() == null) {
                missingOpposite(a);
                continue;
            }
            Relations.End b = r.other();
            if (r.kind() == Relations.Kind.MANY_TO_MANY) {
                manyToMany(a, b);
            } else if (r.kind() == Relations.Kind.ONE_TO_MANY && b.hasFields()) {
                error(b, "The list field \"" + b.model().name() + "." + b.field().name() + "\" cannot hold fields/references: move"
                        + " them to \"" + a.model().name() + "." + a.field().name() + "\", the side that stores the foreign key.");
            } else if (a.hasFields() && b.hasFields()) {
                error(b, "Both sides of the relation between \"" + a.model().name() + "." + a.field().name() + "\" and \""
                        + b.model().name() + "." + b.field().name() + "\" give fields/references: keep them on one side only.");
            } else if (!a.hasFields()) {
                error(a, "The relation between \"" + a.model().name() + "." + a.field().name() + "\" and \"" + b.model().name() + "."
                        + b.field().name() + "\" needs fields and references on one side, e.g. @relation(fields: [" + b.model().name()
                        .toLowerCase() + "Id], references: [id]).");
            } else {
                owner(r, a, b);
            }
        }
    }

    private void missingOpposite(Relations.End a) {
        List<Relations.End> candidates = Relations.opposites(schema, a);
        String target = a.field().type().name();
        if (candidates.isEmpty()) {
            error(a, "The relation field \"" + a.field().name() + "\" on model \"" + a.model().name() + "\" is missing an opposite"
                    + " relation field on model \"" + target + "\": add e.g. `" + lowerFirst(a.model().name()) + " "
                    + a.model().name() + "[]` there.");
        } else {
            error(a, "The relation field \"" + a.field().name() + "\" on model \"" + a.model().name() + "\" is ambiguous: model \""
                    + target + "\" has " + candidates.size() + " fields that could be its opposite. Give each relation a name, e.g."
                    + " @relation(\"" + a.model().name() + a.field().name().substring(0, 1).toUpperCase() + a.field().name().substring(1) + "\").");
        }
    }

    private void manyToMany(Relations.End a, Relations.End b) {
        if (a.hasFields() || b.hasFields()) {
            error(a.hasFields() ? a : b, "An implicit many-to-many relation (both sides are lists) cannot have fields/references:"
                    + " remove them, or model the join table explicitly.");
            return;
        }
        for (Relations.End e : List.of(a, b)) {
            if (singleId(e.model()).isEmpty()) {
                error(e, "Model \"" + e.model().name() + "\" needs a single-field @id to take part in the implicit many-to-many"
                        + " relation \"" + e.field().name() + "\".");
            }
        }
    }

    static Optional<Field> singleId(Model m) {
        return m.fields().stream().filter(f -> f.attribute("id").isPresent()).findFirst();
    }

    private void owner(Relations.Relation r, Relations.End a, Relations.End b) {
        Attribute rel = a.relation().orElseThrow();
        List<String> fields = Relations.names(rel.named("fields"));
        List<String> references = Relations.names(rel.named("references"));
        if (rel.named("references").isEmpty() || fields.size() != references.size()) {
            error(a, "@relation on \"" + a.model().name() + "." + a.field().name() + "\" needs references with as many fields as"
                    + " fields: got " + fields.size() + " field(s) and " + references.size() + " reference(s).");
            return;
        }
        boolean anyOptional = false;
        for (int i = 0; i < fields.size(); i++) {
            Optional<Field> own = scalar(a, a.model(), fields.get(i), "fields");
            Optional<Field> ref = scalar(a, b.model(), references.get(i), "references");
            if (own.isPresent() && ref.isPresent() && !own.get().type().name().equals(ref.get().type().name())) {
                error(a, "Field \"" + own.get().name() + "\" (" + own.get().type().name() + ") cannot reference \"" + b.model().name()
                        + "." + ref.get().name() + "\" (" + ref.get().type().name() + "): the types must match.");
            }
            anyOptional |= own.map(f -> f.type().arity() == FieldType.Arity.OPTIONAL).orElse(false);
        }
        if (anyOptional && a.field().type().arity() == FieldType.Arity.REQUIRED) {
            error(a, "Relation field \"" + a.field().name() + "\" is required, but some of its fields " + fields + " are optional:"
                    + " make it \"" + a.field().type().name() + "?\" or the fields required.");
        }
        if (!isUniqueCriterion(b.model(), references)) {
            error(a, "The references " + references + " of \"" + a.model().name() + "." + a.field().name() + "\" must be the @id,"
                    + " @@id or a @unique/@@unique of model \"" + b.model().name() + "\".");
        }
        if (r.kind() == Relations.Kind.ONE_TO_ONE && b.field().type().arity() == FieldType.Arity.REQUIRED) {
            error(b, "The back side \"" + b.model().name() + "." + b.field().name() + "\" of a one-to-one relation must be optional:"
                    + " write it as \"" + b.field().type().name() + "?\".");
        }
        if (r.kind() == Relations.Kind.ONE_TO_ONE && !isUniqueCriterion(a.model(), fields)) {
            error(a, "A one-to-one relation needs its fields " + fields + " to be unique: add @unique (or @@unique) on them in model \""
                    + a.model().name() + "\".");
        }
        actions(a, rel, anyOptional);
    }

    private Optional<Field> scalar(Relations.End at, Model m, String name, String arg) {
        Optional<Field> f = m.field(name);
        if (f.isEmpty()) {
            error(at, "@relation(" + arg + ": […]) names \"" + name + "\", which model \"" + m.name() + "\" does not have."
                    + Suggestions.didYouMean(name, m.fields().stream().map(Field::name).toList()));
            return Optional.empty();
        }
        if (Relations.isRelationField(schema, f.get()) || f.get().type().arity() == FieldType.Arity.LIST) {
            error(at, "@relation(" + arg + ": […]) names \"" + name + "\" of model \"" + m.name() + "\", which is not a scalar field.");
            return Optional.empty();
        }
        return f;
    }

    static boolean isUniqueCriterion(Model m, List<String> names) {
        if (names.size() == 1) {
            Optional<Field> f = m.field(names.get(0));
            if (f.isPresent() && (f.get().attribute("id").isPresent() || f.get().attribute("unique").isPresent())) {
                return true;
            }
        }
        for (Attribute a : m.attributes()) {
            if ((a.name().equals("id") || a.name().equals("unique"))
                    && new java.util.HashSet<>(Relations.names(a.arg("fields", 0))).equals(new java.util.HashSet<>(names))) {
                return true;
            }
        }
        return false;
    }

    private void actions(Relations.End a, Attribute rel, boolean anyOptional) {
        for (String key : List.of("onDelete", "onUpdate")) {
            rel.named(key).ifPresent(v -> {
                if (v instanceof Expr.Ident && ((Expr.Ident) v).name().equals("SetNull") && !anyOptional) {
                    diagnostics.add(new Diagnostic(v.span(), key + ": SetNull on \"" + a.model().name() + "." + a.field().name()
                            + "\" cannot work: its fields are required. Make them optional or choose another action."));
                } else if (!(v instanceof Expr.Ident) || !ACTIONS.contains(((Expr.Ident) v).name())) {
                    String text = Exprs.toText(v);
                    diagnostics.add(new Diagnostic(v.span(), key + " value \"" + text + "\" is not known: use one of " + ACTIONS + "."
                            + Suggestions.didYouMean(text, ACTIONS)));
                }
            });
        }
    }

    private static String lowerFirst(String s) {
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    private void error(Relations.End at, String message) {
        diagnostics.add(new Diagnostic(at.field().span(), message));
    }
}

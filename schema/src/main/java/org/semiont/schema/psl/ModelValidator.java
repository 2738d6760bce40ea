package org.semiont.schema.psl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Checks one model: field names and types, field and block attributes, and that it has a unique identifier. */
final class ModelValidator {
    private static final List<String> FIELD_ATTRIBUTES = List.of("id", "unique", "default", "updatedAt", "map", "relation", "ignore");
    private static final List<String> BLOCK_ATTRIBUTES = List.of("id", "unique", "index", "map", "ignore", "schema");
    private final PrismaSchema schema;
    private final Model model;
    private final String dbPrefix;
    private final List<Diagnostic> diagnostics;

    ModelValidator(PrismaSchema schema, Model model, String dbPrefix, List<Diagnostic> diagnostics) {
        this.schema = schema;
        this.model = model;
        this.dbPrefix = dbPrefix;
        this.diagnostics = diagnostics;
    }

    static boolean isIdentifier(String name) {
        if (name.isEmpty() || !isAsciiLetter(name.charAt(0))) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '_') {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    void validate() {
        Map<String, Span> names = new HashMap<>();
        for (Field f : model.fields()) {
            Span first = names.putIfAbsent(f.name(), f.span());
            if (first != null) {
                error(f.span(), "Field \"" + f.name() + "\" is defined twice in model \"" + model.name() + "\" (first at line "
                        + first.line() + ").");
            }
            if (!isIdentifier(f.name())) {
                error(f.span(), "\"" + f.name() + "\" is not a valid field name: use letters, digits and _ and start with a letter;"
                        + " keep the column name with @map(\"" + f.name() + "\").");
            }
            field(f);
        }
        blockAttributes();
        identifier();
    }

    private void field(Field f) {
        if (!typeKnown(f)) {
            return;
        }
        boolean relation = Relations.isRelationField(schema, f);
        Set<String> seen = new java.util.HashSet<>();
        for (Attribute a : f.attributes()) {
            if (!seen.add(a.name())) {
                error(a.span(), "Attribute \"@" + a.name() + "\" is given twice on field \"" + f.name() + "\".");
            } else if (a.name().startsWith(dbPrefix + ".")) {
                new NativeTypeCheck(diagnostics).check(f, a, a.name().substring(dbPrefix.length() + 1), relation);
            } else if (!FIELD_ATTRIBUTES.contains(a.name())) {
                error(a.span(), "Attribute \"@" + a.name() + "\" is not known." + suggest(a.name(), FIELD_ATTRIBUTES));
            } else {
                fieldAttribute(f, a, relation);
            }
        }
    }

    private String suggest(String name, List<String> known) {
        String s = Suggestions.didYouMean(name, known);
        return s.isEmpty() ? " Known attributes: @" + String.join(", @", known) + "." : s;
    }

    private boolean typeKnown(Field f) {
        String t = f.type().name();
        if (f.type().isUnsupported() || ScalarType.of(t).isPresent() || schema.model(t).isPresent() || schema.enumDef(t).isPresent()) {
            return true;
        }
        List<String> candidates = new ArrayList<>();
        for (ScalarType s : ScalarType.values()) {
            candidates.add(s.name());
        }
        schema.models().forEach(m -> candidates.add(m.name()));
        schema.enums().forEach(e -> candidates.add(e.name()));
        String hint = Suggestions.didYouMean(t, candidates);
        error(f.type().span(), "Type \"" + t + "\" is not a known type." + (hint.isEmpty()
                ? " Use a scalar type (String, Int, BigInt, Float, Decimal, Boolean, DateTime, Json, Bytes), a model or an enum." : hint));
        return false;
    }

    private void fieldAttribute(Field f, Attribute a, boolean relation) {
        String n = a.name();
        ArgumentCheck.field(a, diagnostics);
        if (relation && !n.equals("relation") && !n.equals("ignore")) {
            error(a.span(), "Attribute \"@" + n + "\" is not valid on relation field \"" + f.name() + "\": put it on the scalar field"
                    + " listed in fields: […].");
            return;
        }
        if (!relation && n.equals("relation")) {
            error(a.span(), "@relation is only valid on a field whose type is a model; \"" + f.type().name() + "\" is not a model.");
            return;
        }
        switch (n) {
            case "id": id(f, a); break;
            case "unique": sortValue(a); mapName(a); break;
            case "map": requireString(a, "name", diagnostics); break;
            case "updatedAt": updatedAt(f, a); break;
            case "default": new DefaultCheck(schema, diagnostics).check(f, a); break;
            default: break;
        }
    }

    private void id(Field f, Attribute a) {
        if (f.type().arity() != FieldType.Arity.REQUIRED) {
            error(a.span(), "Field \"" + f.name() + "\" is marked @id but is " + (f.type().arity() == FieldType.Arity.LIST ? "a list" : "optional")
                    + ": an id field must be required.");
        }
        if (model.attribute("id").isPresent()) {
            error(a.span(), "Model \"" + model.name() + "\" has both @id on \"" + f.name() + "\" and @@id: keep one.");
        }
        long ids = model.fields().stream().filter(x -> x.attribute("id").isPresent()).count();
        if (ids > 1 && model.fields().stream().filter(x -> x.attribute("id").isPresent()).findFirst().get() != f) {
            error(a.span(), "Model \"" + model.name() + "\" has more than one @id field: use @@id([a, b]) for a composite key.");
        }
        sortValue(a);
        mapName(a);
    }

    private void sortValue(Attribute a) {
        a.named("sort").ifPresent(v -> {
            if (!(v instanceof Expr.Ident && Set.of("Asc", "Desc").contains(((Expr.Ident) v).name()))) {
                error(v.span(), "sort must be Asc or Desc.");
            }
        });
    }

    private void mapName(Attribute a) {
        a.named("map").ifPresent(e -> {
            if (!(e instanceof Expr.StringLit)) {
                error(e.span(), "map: expects a string with the constraint name.");
            }
        });
    }

    private void updatedAt(Field f, Attribute a) {
        if (!f.type().name().equals("DateTime") || f.type().arity() == FieldType.Arity.LIST) {
            error(a.span(), "@updatedAt is only valid on a DateTime field; \"" + f.name() + "\" is " + f.type().name() + ".");
        }
    }

    static void requireString(Attribute a, String argName, List<Diagnostic> diagnostics) {
        Optional<Expr> value = a.arg(argName, 0);
        if (value.isEmpty() || !(value.get() instanceof Expr.StringLit) || ((Expr.StringLit) value.get()).value().isEmpty()) {
            diagnostics.add(new Diagnostic(a.span(), "@" + a.name() + " expects a non-empty string, e.g. @" + a.name() + "(\"name\")."));
        }
    }

    private void blockAttributes() {
        for (Attribute a : model.attributes()) {
            if (!BLOCK_ATTRIBUTES.contains(a.name())) {
                error(a.span(), "Attribute \"@@" + a.name() + "\" is not known." + Suggestions.didYouMean(a.name(), BLOCK_ATTRIBUTES)
                        + (Suggestions.closest(a.name(), BLOCK_ATTRIBUTES).isEmpty() ? " Known: @@" + String.join(", @@", BLOCK_ATTRIBUTES) + "." : ""));
            } else if (Set.of("id", "unique", "index").contains(a.name())) {
                ArgumentCheck.block(a, diagnostics);
                fieldList(a);
            } else if (!a.name().equals("ignore")) {
                ArgumentCheck.block(a, diagnostics);
                requireString(a, "name", diagnostics);
            }
        }
        if (model.attributes("id").size() > 1 || model.attributes("map").size() > 1) {
            error(model.span(), "Model \"" + model.name() + "\" has @@id or @@map more than once: keep one.");
        }
    }

    private void fieldList(Attribute a) {
        Optional<Expr> list = a.arg("fields", 0);
        if (list.isEmpty() || !(list.get() instanceof Expr.ArrayLit) || ((Expr.ArrayLit) list.get()).items().isEmpty()) {
            error(a.span(), "@@" + a.name() + " expects a list of fields, e.g. @@" + a.name() + "([a, b]).");
            return;
        }
        for (String name : Relations.names(list)) {
            Optional<Field> f = model.field(name);
            if (f.isEmpty()) {
                error(a.span(), "@@" + a.name() + " names field \"" + name + "\", which model \"" + model.name() + "\" does not have."
                        + Suggestions.didYouMean(name, model.fields().stream().map(Field::name).toList()));
            } else if (Relations.isRelationField(schema, f.get())) {
                error(a.span(), "@@" + a.name() + " names relation field \"" + name + "\": list its scalar fields instead.");
            } else if (a.name().equals("id") && f.get().type().arity() != FieldType.Arity.REQUIRED) {
                error(a.span(), "@@id names optional field \"" + name + "\": fields of a primary key must be required.");
            }
        }
        mapName(a);
    }

    private void identifier() {
        if (model.ignored() || model.attribute("id").isPresent()) {
            return;
        }
        for (Field f : model.fields()) {
            boolean required = f.type().arity() == FieldType.Arity.REQUIRED && !Relations.isRelationField(schema, f);
            if (required && (f.attribute("id").isPresent() || f.attribute("unique").isPresent())) {
                return;
            }
        }
        for (Attribute u : model.attributes("unique")) {
            List<String> names = Relations.names(u.arg("fields", 0));
            if (!names.isEmpty() && names.stream().allMatch(n -> model.field(n).map(f -> f.type().arity() == FieldType.Arity.REQUIRED).orElse(false))) {
                return;
            }
        }
        error(model.span(), "Model \"" + model.name() + "\" has no unique identifier: add an @id field, @@id([…]), a required @unique"
                + " field, or mark the model @@ignore.");
    }

    private void error(Span span, String message) {
        diagnostics.add(new Diagnostic(span, message));
    }
}

package org.semiont.schema.psl;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Pairs up relation fields into relations (both ends), the way Prisma does: by model pair and relation name. */
public final class Relations {
    private Relations() {
    }

    public enum Kind { ONE_TO_ONE, ONE_TO_MANY, MANY_TO_MANY }

    /** One end of a relation. */
    public record End(Model model, Field field) {
        public Optional<Attribute> relation() {
            return field.attribute("relation");
        }

        public boolean hasFields() {
            return relation().flatMap(a -> a.named("fields")).isPresent();
        }
    }

    /**
     * A relation; {@code owner} is the end holding fields/references (for m2m: the end on the alphabetically first
     * model). {@code other} is null when the opposite field is missing (reported by validation).
     */
    public record Relation(String name, boolean explicitName, End owner, End other, Kind kind) { }

    public static boolean isRelationField(PrismaSchema schema, Field f) {
        return schema.model(f.type().name()).isPresent();
    }

    /** The relation's name: the first argument of @relation, or "AToB" with the model names sorted. */
    public static Optional<String> explicitName(Field f) {
        return f.attribute("relation").flatMap(a -> a.arg("name", 0))
                .filter(Expr.StringLit.class::isInstance).map(e -> ((Expr.StringLit) e).value());
    }

    public static String defaultName(String modelA, String modelB) {
        return modelA.compareTo(modelB) <= 0 ? modelA + "To" + modelB : modelB + "To" + modelA;
    }

    /** All relations; ends without an opposite or with several candidates come back with other == null. */
    public static List<Relation> of(PrismaSchema schema) {
        List<Relation> out = new ArrayList<>();
        Set<Field> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Model m : schema.models()) {
            for (Field f : m.fields()) {
                if (!isRelationField(schema, f) || seen.contains(f)) {
                    continue;
                }
                seen.add(f);
                End end = new End(m, f);
                List<End> candidates = opposites(schema, end);
                End other = candidates.size() == 1 ? candidates.get(0) : null;
                if (other != null) {
                    seen.add(other.field());
                }
                out.add(relation(end, other));
            }
        }
        return out;
    }

    static List<End> opposites(PrismaSchema schema, End end) {
        Model target = schema.model(end.field().type().name()).orElseThrow();
        Optional<String> name = explicitName(end.field());
        List<End> out = new ArrayList<>();
        for (Field g : target.fields()) {
            if (g != end.field() && g.type().name().equals(end.model().name()) && explicitName(g).equals(name)) {
                out.add(new End(target, g));
            }
        }
        return out;
    }

    private static Relation relation(End a, End b) {
        String name = explicitName(a.field()).orElse(defaultName(a.model().name(), a.field().type().name()));
        boolean explicit = explicitName(a.field()).isPresent();
        if (b == null) {
            return new Relation(name, explicit, a, null, kindOf(a, null));
        }
        Kind kind = kindOf(a, b);
        End owner = a;
        End other = b;
        if (kind == Kind.MANY_TO_MANY ? a.model().name().compareTo(b.model().name()) > 0 : !a.hasFields() && b.hasFields()) {
            owner = b;
            other = a;
        }
        if (kind == Kind.ONE_TO_MANY && owner.field().type().arity() == FieldType.Arity.LIST) {
            End t = owner;
            owner = other;
            other = t;
        }
        return new Relation(name, explicit, owner, other, kind);
    }

    private static Kind kindOf(End a, End b) {
        boolean aList = a.field().type().arity() == FieldType.Arity.LIST;
        boolean bList = b != null && b.field().type().arity() == FieldType.Arity.LIST;
        if (aList && bList) {
            return Kind.MANY_TO_MANY;
        }
        return aList || bList ? Kind.ONE_TO_MANY : Kind.ONE_TO_ONE;
    }

    /** Field names listed in an argument like fields: [a, b]. */
    public static List<String> names(Optional<Expr> list) {
        List<String> out = new ArrayList<>();
        if (list.isPresent() && list.get() instanceof Expr.ArrayLit) {
            for (Expr e : ((Expr.ArrayLit) list.get()).items()) {
                if (e instanceof Expr.Ident) {
                    out.add(((Expr.Ident) e).name());
                } else if (e instanceof Expr.Call) {
                    out.add(((Expr.Call) e).name());
                }
            }
        }
        return out;
    }
}

package org.semiont.schema.pull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.semiont.schema.psl.Attribute;
import org.semiont.schema.psl.Expr;
import org.semiont.schema.psl.Exprs;
import org.semiont.schema.psl.Field;
import org.semiont.schema.psl.NativeType;
import org.semiont.schema.psl.ScalarType;
import org.semiont.schema.sql.Column;
import org.semiont.schema.sql.ColumnDefault;
import org.semiont.schema.sql.ColumnType;
import org.semiont.schema.sql.Index;
import org.semiont.schema.sql.PgType;
import org.semiont.schema.sql.Table;
import org.semiont.schema.target.ConstraintNames;

/** One column → one field line: type, @id, @unique, @default, @updatedAt, @map, @db. */
final class ScalarFields {
    private final PullNames names;
    private final List<String> warnings;

    ScalarFields(PullNames names, List<String> warnings) {
        this.names = names;
        this.warnings = warnings;
    }

    Draft.FieldLine field(Table t, Column c, String modelName, Optional<Field> prev, Set<String> used) {
        String name = PullNames.claim(prev.map(Field::name).orElse(PullNames.sanitise(c.name())), used);
        List<String> attrs = new ArrayList<>();
        if (t.primaryKey() != null && t.primaryKey().columns().equals(List.of(c.name()))) {
            attrs.add("@id" + mapArg(t.primaryKey().constraintName(), ConstraintNames.primaryKey(t.name()), ""));
        }
        singleUnique(t, c).ifPresent(ix -> attrs.add("@unique" + mapArg(ix.name(), ConstraintNames.uniqueIndex(t.name(), List.of(c.name())),
                ix.columns().get(0).sort() == Index.SortOrder.DESC ? "sort: Desc" : "")));
        defaultAttribute(c, prev).ifPresent(attrs::add);
        if (c.defaultValue() == null && prev.flatMap(f -> f.attribute("updatedAt")).isPresent()) {
            attrs.add("@updatedAt");
        }
        if (!name.equals(c.name())) {
            attrs.add("@map(" + Exprs.quote(c.name()) + ")");
        }
        nativeType(c.type()).ifPresent(attrs::add);
        if (prev.flatMap(f -> f.attribute("ignore")).isPresent()) {
            attrs.add("@ignore");
        }
        if (c.type().base() == PgType.UNSUPPORTED) {
            warnings.add("Model \"" + modelName + "\", field \"" + name + "\": type \"" + c.type().unsupported()
                    + "\" is not supported by Prisma Client; it is kept as Unsupported(\"" + c.type().unsupported() + "\").");
        }
        String doc = prev.map(Field::documentation).orElse(null);
        return new Draft.FieldLine(name, typeName(c) + (c.type().array() ? "[]" : c.nullable() ? "?" : ""), attrs, doc);
    }

    /** The single-column unique index printed as @unique (the first by name); the rest become @@unique. */
    static Optional<Index> singleUnique(Table t, Column c) {
        return t.indexes().stream().filter(ix -> ix.unique() && ix.columnNames().equals(List.of(c.name()))).findFirst();
    }

    static String mapArg(String actual, String conventional, String extra) {
        List<String> args = new ArrayList<>();
        if (!actual.equals(conventional)) {
            args.add("map: " + Exprs.quote(actual));
        }
        if (!extra.isEmpty()) {
            args.add(extra);
        }
        return args.isEmpty() ? "" : "(" + String.join(", ", args) + ")";
    }

    private String typeName(Column c) {
        ColumnType t = c.type();
        if (t.base() == PgType.UNSUPPORTED) {
            return "Unsupported(" + Exprs.quote(t.unsupported()) + ")";
        }
        if (t.base() == PgType.ENUM) {
            return names.enumName(t.enumName());
        }
        return NativeType.of(t.base()).orElseThrow().scalar().name();
    }

    /** @db.X(args), printed only when it differs from the scalar's own mapping. */
    static Optional<String> nativeType(ColumnType t) {
        if (t.base() == PgType.UNSUPPORTED || t.base() == PgType.ENUM) {
            return Optional.empty();
        }
        NativeType nt = NativeType.of(t.base()).orElseThrow();
        ScalarType s = nt.scalar();
        if (s.pgType() == t.base() && s.args().equals(t.args())) {
            return Optional.empty();
        }
        String args = t.args().isEmpty() ? "" : t.args().stream().map(String::valueOf).collect(Collectors.joining(", ", "(", ")"));
        return Optional.of("@db." + nt.name() + args);
    }

    private Optional<String> defaultAttribute(Column c, Optional<Field> prev) {
        if (c.autoincrement() || c.defaultValue() instanceof ColumnDefault.Sequence) {
            return Optional.of("@default(autoincrement())");
        }
        if (c.defaultValue() == null) {
            return prev.flatMap(f -> f.attribute("default")).filter(ScalarFields::isPrismaLevel).map(a -> Exprs.toText("@", a));
        }
        return Optional.of("@default(" + DefaultText.of(c, names) + ")");
    }

    private static boolean isPrismaLevel(Attribute a) {
        return a.arg("value", 0).filter(e -> e instanceof Expr.Call
                && Set.of("cuid", "uuid", "nanoid", "ulid").contains(((Expr.Call) e).name())).isPresent();
    }
}

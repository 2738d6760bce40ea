package org.semiont.schema.target;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.semiont.schema.psl.Attribute;
import org.semiont.schema.psl.EnumDef;
import org.semiont.schema.psl.Expr;
import org.semiont.schema.psl.Field;
import org.semiont.schema.psl.FieldType;
import org.semiont.schema.psl.NativeType;
import org.semiont.schema.psl.PrismaSchema;
import org.semiont.schema.psl.ScalarType;
import org.semiont.schema.sql.Column;
import org.semiont.schema.sql.ColumnDefault;
import org.semiont.schema.sql.ColumnType;
import org.semiont.schema.sql.PgType;

/** One scalar field → one column, with the normal-form type and default. */
final class ColumnMapper {
    private static final java.util.Set<String> PRISMA_LEVEL = java.util.Set.of("cuid", "uuid", "nanoid", "ulid");
    private final PrismaSchema schema;
    private final String dbPrefix;

    ColumnMapper(PrismaSchema schema) {
        this.schema = schema;
        this.dbPrefix = (schema.datasource() == null ? "db" : schema.datasource().name()) + ".";
    }

    Column column(String table, Field f) {
        ColumnType type = type(f);
        boolean nullable = f.type().arity() != FieldType.Arity.REQUIRED;
        Optional<Expr> value = f.attribute("default").flatMap(a -> a.arg("value", 0));
        if (value.isPresent() && value.get() instanceof Expr.Call && ((Expr.Call) value.get()).name().equals("autoincrement")) {
            return new Column(f.columnName(), type, nullable, new ColumnDefault.Sequence(ConstraintNames.sequence(table, f.columnName())), true);
        }
        return new Column(f.columnName(), type, nullable, value.map(v -> defaultValue(f, v)).orElse(null), false);
    }

    static boolean hasPrismaLevelDefault(Field f) {
        return f.attribute("default").flatMap(a -> a.arg("value", 0))
                .filter(v -> v instanceof Expr.Call && PRISMA_LEVEL.contains(((Expr.Call) v).name())).isPresent();
    }

    ColumnType type(Field f) {
        ColumnType base = baseType(f);
        return f.type().arity() == FieldType.Arity.LIST ? base.asArray() : base;
    }

    private ColumnType baseType(Field f) {
        FieldType t = f.type();
        if (t.isUnsupported()) {
            return new ColumnType(PgType.UNSUPPORTED, List.of(), null, false, t.unsupported());
        }
        Optional<EnumDef> en = schema.enumDef(t.name());
        if (en.isPresent()) {
            return ColumnType.enumOf(en.get().dbName());
        }
        for (Attribute a : f.attributes()) {
            if (a.name().startsWith(dbPrefix)) {
                NativeType nt = NativeType.of(a.name().substring(dbPrefix.length())).orElseThrow();
                List<Integer> args = a.args().isEmpty() ? nt.defaultArgs()
                        : a.args().stream().map(x -> Integer.parseInt(((Expr.NumberLit) x.value()).text())).toList();
                return new ColumnType(nt.pgType(), args, null, false, null);
            }
        }
        ScalarType s = ScalarType.of(t.name()).orElseThrow();
        return new ColumnType(s.pgType(), s.args(), null, false, null);
    }

    private ColumnDefault defaultValue(Field f, Expr v) {
        if (v instanceof Expr.Call) {
            Expr.Call c = (Expr.Call) v;
            if (c.name().equals("now")) {
                return new ColumnDefault.Now();
            }
            if (c.name().equals("dbgenerated") && !c.args().isEmpty()) {
                return new ColumnDefault.Expression(((Expr.StringLit) c.args().get(0).value()).value());
            }
            return null;   // Prisma-level defaults and a bare dbgenerated() put nothing in the target
        }
        if (v instanceof Expr.ArrayLit) {
            return new ColumnDefault.ListValue(arrayText(f, (Expr.ArrayLit) v));
        }
        return scalar(f, v);
    }

    private ColumnDefault scalar(Field f, Expr v) {
        if (v instanceof Expr.StringLit) {
            return new ColumnDefault.StringValue(((Expr.StringLit) v).value());
        }
        if (v instanceof Expr.NumberLit) {
            return new ColumnDefault.NumberValue(canonicalNumber(((Expr.NumberLit) v).text()));
        }
        String name = ((Expr.Ident) v).name();
        Optional<EnumDef> en = schema.enumDef(f.type().name());
        if (en.isPresent()) {
            return new ColumnDefault.EnumValue(en.get().values().stream().filter(x -> x.name().equals(name))
                    .findFirst().orElseThrow().dbName());
        }
        return new ColumnDefault.BooleanValue(name.equals("true"));
    }

    /** 1.50 → 1.5, 2.0 → 2, 1e3 → 1000: the text PostgreSQL prints once casts are stripped. */
    static String canonicalNumber(String text) {
        BigDecimal d = new BigDecimal(text).stripTrailingZeros();
        return d.signum() == 0 ? "0" : d.toPlainString();
    }

    /** An array default in PostgreSQL's array text form: {} or {a,"b c",1}. */
    private String arrayText(Field f, Expr.ArrayLit list) {
        return list.items().stream().map(item -> element(scalar(f, item))).collect(Collectors.joining(",", "{", "}"));
    }

    private static String element(ColumnDefault d) {
        if (d instanceof ColumnDefault.NumberValue) {
            return ((ColumnDefault.NumberValue) d).value();
        }
        if (d instanceof ColumnDefault.BooleanValue) {
            return ((ColumnDefault.BooleanValue) d).value() ? "t" : "f";
        }
        String s = d instanceof ColumnDefault.EnumValue ? ((ColumnDefault.EnumValue) d).value() : ((ColumnDefault.StringValue) d).value();
        boolean plain = !s.isEmpty() && !s.equalsIgnoreCase("NULL") && s.chars().noneMatch(c -> "{},\"\\ \t\n".indexOf(c) >= 0);
        return plain ? s : '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}

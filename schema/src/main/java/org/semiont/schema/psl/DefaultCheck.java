package org.semiont.schema.psl;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks {@code @default(…)} against the field's type. */
final class DefaultCheck {
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern INTEGER = Pattern.compile("-?\\d+");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
    static final Set<String> PRISMA_LEVEL = Set.of("cuid", "uuid", "nanoid", "ulid");
    private final PrismaSchema schema;
    private final List<Diagnostic> diagnostics;

    DefaultCheck(PrismaSchema schema, List<Diagnostic> diagnostics) {
        this.schema = schema;
        this.diagnostics = diagnostics;
    }

    void check(Field f, Attribute a) {
        Optional<Expr> value = a.arg("value", 0);
        if (value.isEmpty()) {
            error(a.span(), "@default needs a value, e.g. @default(now()) or @default(\"text\").");
            return;
        }
        String type = f.type().name();
        boolean list = f.type().arity() == FieldType.Arity.LIST;
        Expr e = value.get();
        if (e instanceof Expr.Call) {
            call(f, (Expr.Call) e, type, list);
        } else if (e instanceof Expr.ArrayLit) {
            if (!list) {
                error(e.span(), "A list default ([…]) is only valid on a list field; \"" + f.name() + "\" is " + type + ".");
            }
            ((Expr.ArrayLit) e).items().forEach(item -> literal(f, item, type));
        } else if (list) {
            error(e.span(), "Field \"" + f.name() + "\" is a list: write its default as a list, e.g. @default([]).");
        } else {
            literal(f, e, type);
        }
    }

    private void call(Field f, Expr.Call c, String type, boolean list) {
        String n = c.name();
        if (n.equals("dbgenerated")) {
            if (!c.args().isEmpty() && !(c.args().get(0).value() instanceof Expr.StringLit)) {
                error(c.span(), "dbgenerated expects a string with the SQL expression, e.g. dbgenerated(\"gen_random_uuid()\").");
            }
            return;
        }
        String expected = n.equals("autoincrement") ? "Int or BigInt" : n.equals("now") ? "DateTime"
                : PRISMA_LEVEL.contains(n) ? "String" : null;
        if (expected == null) {
            error(c.span(), "Function \"" + n + "()\" is not known in @default." + Suggestions.didYouMean(n,
                    List.of("autoincrement", "now", "cuid", "uuid", "nanoid", "ulid", "dbgenerated")));
        } else if (list || !expected.contains(type) || (expected.equals("Int or BigInt") && !Set.of("Int", "BigInt").contains(type))) {
            error(c.span(), n + "() is only valid on a " + expected + " field; \"" + f.name() + "\" is " + type + (list ? "[]" : "") + ".");
        } else {
            functionArgs(c);
        }
    }

    private void functionArgs(Expr.Call c) {
        String n = c.name();
        if (c.args().isEmpty()) {
            return;
        }
        String arg = c.args().get(0).value() instanceof Expr.NumberLit ? ((Expr.NumberLit) c.args().get(0).value()).text() : "";
        boolean ok = c.args().size() == 1 && ((n.equals("cuid") && arg.equals("2")) || (n.equals("uuid") && Set.of("4", "7").contains(arg))
                || (n.equals("nanoid") && DIGITS.matcher(arg).matches() && Integer.parseInt(arg) >= 2 && Integer.parseInt(arg) <= 255));
        if (!ok) {
            error(c.span(), "Invalid arguments for " + n + "(): use " + (n.equals("cuid") ? "cuid() or cuid(2)"
                    : n.equals("uuid") ? "uuid(), uuid(4) or uuid(7)" : n.equals("nanoid") ? "nanoid() or nanoid(n) with 2 ≤ n ≤ 255" : n + "()") + ".");
        }
    }

    private void literal(Field f, Expr e, String type) {
        if (e instanceof Expr.StringLit) {
            if (!Set.of("String", "DateTime", "Json", "Bytes", "Decimal").contains(type) && !f.type().isUnsupported()) {
                error(e.span(), "A string default is not valid on " + type + " field \"" + f.name() + "\".");
            }
        } else if (e instanceof Expr.NumberLit) {
            String text = ((Expr.NumberLit) e).text();
            boolean integer = INTEGER.matcher(text).matches();
            if (!(Set.of("Float", "Decimal").contains(type) || (integer && Set.of("Int", "BigInt").contains(type)))) {
                error(e.span(), "Default " + text + " is not valid on " + type + " field \"" + f.name() + "\"" + (integer ? "." : ": it is not a whole number."));
            } else if (!NUMBER.matcher(text).matches()) {
                error(e.span(), "\"" + text + "\" is not a valid number.");
            }
        } else if (e instanceof Expr.Ident) {
            ident(f, ((Expr.Ident) e), type);
        } else {
            error(e.span(), "This default value is not valid on " + type + " field \"" + f.name() + "\".");
        }
    }

    private void ident(Field f, Expr.Ident e, String type) {
        boolean bool = e.name().equals("true") || e.name().equals("false");
        if (type.equals("Boolean")) {
            if (!bool) {
                error(e.span(), "Default \"" + e.name() + "\" is not valid on Boolean field \"" + f.name() + "\": use true or false.");
            }
            return;
        }
        Optional<EnumDef> en = schema.enumDef(type);
        if (en.isEmpty()) {
            error(e.span(), "Default \"" + e.name() + "\" is not valid on " + type + " field \"" + f.name() + "\""
                    + (bool ? "." : ": an unquoted name is only valid for enum fields (did you mean \"" + e.name() + "\"?)."));
        } else if (en.get().values().stream().noneMatch(v -> v.name().equals(e.name()))) {
            List<String> values = en.get().values().stream().map(EnumDef.EnumValue::name).toList();
            error(e.span(), "Enum \"" + type + "\" has no value \"" + e.name() + "\"." + Suggestions.didYouMean(e.name(), values)
                    + " Values: " + String.join(", ", values) + ".");
        }
    }

    private void error(Span span, String message) {
        diagnostics.add(new Diagnostic(span, message));
    }
}

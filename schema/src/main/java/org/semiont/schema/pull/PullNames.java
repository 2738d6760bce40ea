package org.semiont.schema.pull;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.semiont.schema.psl.EnumDef;
import org.semiont.schema.psl.Expr;
import org.semiont.schema.psl.Field;
import org.semiont.schema.psl.Model;
import org.semiont.schema.psl.PrismaSchema;
import org.semiont.schema.psl.ScalarType;
import org.semiont.schema.sql.EnumType;
import org.semiont.schema.sql.SqlSchema;
import org.semiont.schema.sql.Table;

/**
 * Names for the pulled schema: the previous schema's names where it maps the same table/column/enum,
 * otherwise the database name, sanitised into a PSL identifier (then an @map/@@map keeps the database name).
 * Names are decided once, up front, so every use of a table or enum agrees, and clashes get a numbered suffix.
 */
final class PullNames {
    private final PrismaSchema previous;
    private final Map<String, String> models = new HashMap<>();
    private final Map<String, String> enums = new HashMap<>();
    private final Map<String, String> enumValues = new HashMap<>();

    PullNames(PrismaSchema previous, SqlSchema live, Iterable<Table> tables) {
        this.previous = previous;
        Set<String> used = new HashSet<>();
        for (Table t : tables) {
            String wanted = previousModel(t.namespace(), t.name()).map(Model::name).orElse(typeName(t.name()));
            models.put(t.namespace() + "." + t.name(), claim(wanted, used));
        }
        for (EnumType e : live.enums()) {
            Optional<EnumDef> prev = previousEnum(e.name());
            enums.put(e.name(), claim(prev.map(EnumDef::name).orElse(typeName(e.name())), used));
            Set<String> values = new HashSet<>();
            for (String v : e.values()) {
                String wanted = prev.flatMap(p -> p.values().stream().filter(x -> x.dbName().equals(v)).findFirst())
                        .map(EnumDef.EnumValue::name).orElse(sanitise(v));
                enumValues.put(e.name() + "\u0000" + v, claim(wanted, values));
            }
        }
    }

    /** Letters, digits and _; leading non-letters dropped: "order-items" → "order_items", "2fa_codes" → "fa_codes". */
    static String sanitise(String dbName) {
        StringBuilder b = new StringBuilder(dbName.length());
        for (int i = 0; i < dbName.length(); i++) {
            char c = dbName.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
            b.append(ok ? c : '_');
        }
        int start = 0;
        while (start < b.length() && !Character.isLetter(b.charAt(start))) {
            start++;
        }
        return start == b.length() ? "n" + b : b.substring(start);
    }

    /** A model or enum name; the scalar type names are taken, so such a table becomes e.g. "RenamedString". */
    private static String typeName(String dbName) {
        String s = sanitise(dbName);
        return ScalarType.of(s).isPresent() || s.equals("Unsupported") ? "Renamed" + s : s;
    }

    /** {@code wanted}, or wanted_2, wanted_3 … if it is taken; records the result as taken. */
    static String claim(String wanted, Set<String> used) {
        String name = wanted;
        for (int n = 2; !used.add(name); n++) {
            name = wanted + "_" + n;
        }
        return name;
    }

    Optional<Model> previousModel(String namespace, String table) {
        if (previous == null) {
            return Optional.empty();
        }
        return previous.models().stream().filter(m -> m.tableName().equals(table) && schemaOf(m).map(namespace::equals).orElse(true))
                .findFirst();
    }

    private static Optional<String> schemaOf(Model m) {
        return m.attribute("schema").flatMap(a -> a.arg("name", 0)).filter(Expr.StringLit.class::isInstance)
                .map(e -> ((Expr.StringLit) e).value());
    }

    String modelName(Table t) {
        return models.get(t.namespace() + "." + t.name());
    }

    Optional<Field> previousField(Optional<Model> prev, String column) {
        return prev.flatMap(m -> m.fields().stream().filter(f -> f.columnName().equals(column)
                && (previous.model(f.type().name()).isEmpty())).findFirst());
    }

    Optional<EnumDef> previousEnum(String dbName) {
        return previous == null ? Optional.empty() : previous.enums().stream().filter(e -> e.dbName().equals(dbName)).findFirst();
    }

    String enumName(String dbName) {
        return enums.getOrDefault(dbName, sanitise(dbName));
    }

    String enumValueName(String enumDbName, String valueDbName) {
        return enumValues.getOrDefault(enumDbName + "\u0000" + valueDbName, sanitise(valueDbName));
    }
}

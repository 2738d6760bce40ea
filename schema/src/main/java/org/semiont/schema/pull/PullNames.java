package org.semiont.schema.pull;

import java.util.Optional;
import org.semiont.schema.psl.EnumDef;
import org.semiont.schema.psl.Expr;
import org.semiont.schema.psl.Field;
import org.semiont.schema.psl.Model;
import org.semiont.schema.psl.PrismaSchema;

/**
 * Names for the pulled schema: the previous schema's names where it maps the same table/column/enum,
 * otherwise the database name, sanitised into a PSL identifier (then an @map/@@map keeps the database name).
 */
final class PullNames {
    private final PrismaSchema previous;

    PullNames(PrismaSchema previous) {
        this.previous = previous;
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

    String modelName(Optional<Model> prev, String table) {
        return prev.map(Model::name).orElse(sanitise(table));
    }

    Optional<Field> previousField(Optional<Model> prev, String column) {
        return prev.flatMap(m -> m.fields().stream().filter(f -> f.columnName().equals(column)
                && (previous.model(f.type().name()).isEmpty())).findFirst());
    }

    Optional<EnumDef> previousEnum(String dbName) {
        return previous == null ? Optional.empty() : previous.enums().stream().filter(e -> e.dbName().equals(dbName)).findFirst();
    }

    String enumName(String dbName) {
        return previousEnum(dbName).map(EnumDef::name).orElse(sanitise(dbName));
    }

    String enumValueName(String enumDbName, String valueDbName) {
        return previousEnum(enumDbName).flatMap(e -> e.values().stream().filter(v -> v.dbName().equals(valueDbName)).findFirst())
                .map(EnumDef.EnumValue::name).orElse(sanitise(valueDbName));
    }
}

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
        String s = dbName.replaceAll("[^A-Za-z0-9_]", "_").replaceFirst("^[^A-Za-z]+", "");
        return s.isEmpty() ? "n" + dbName.replaceAll("[^A-Za-z0-9_]", "_") : s;
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

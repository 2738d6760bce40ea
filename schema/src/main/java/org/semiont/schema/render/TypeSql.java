package org.semiont.schema.render;

import java.util.stream.Collectors;
import org.semiont.schema.sql.ColumnDefault;
import org.semiont.schema.sql.ColumnType;
import org.semiont.schema.sql.Identifiers;
import org.semiont.schema.sql.PgType;

/** SQL text of column types and defaults, as Prisma writes them (TEXT, VARCHAR(255), "Role", TEXT[]). */
final class TypeSql {
    private TypeSql() {
    }

    static String type(ColumnType type, String enumNamespace) {
        String base;
        if (type.base() == PgType.ENUM) {
            base = Identifiers.quote(enumNamespace) + "." + Identifiers.quote(type.enumName());
        } else if (type.base() == PgType.UNSUPPORTED) {
            base = type.unsupported();
        } else {
            base = type.base().sql();
            if (!type.args().isEmpty()) {
                base += type.args().stream().map(String::valueOf).collect(Collectors.joining(",", "(", ")"));
            }
        }
        return type.array() ? base + "[]" : base;
    }

    /** SERIAL, BIGSERIAL or SMALLSERIAL for an autoincrement column created with the table. */
    static String serial(ColumnType type) {
        return switch (type.base()) {
            case BIGINT -> "BIGSERIAL";
            case SMALLINT -> "SMALLSERIAL";
            default -> "SERIAL";
        };
    }

    static String defaultValue(ColumnDefault value, String typeSql) {
        if (value instanceof ColumnDefault.StringValue s) {
            return Identifiers.literal(s.value());
        }
        if (value instanceof ColumnDefault.NumberValue n) {
            return n.value();
        }
        if (value instanceof ColumnDefault.BooleanValue b) {
            return String.valueOf(b.value());
        }
        if (value instanceof ColumnDefault.EnumValue e) {
            return Identifiers.literal(e.value());
        }
        if (value instanceof ColumnDefault.Now) {
            return "CURRENT_TIMESTAMP";
        }
        if (value instanceof ColumnDefault.ListValue l) {
            return "{}".equals(l.pgText()) ? "ARRAY[]::" + typeSql : Identifiers.literal(l.pgText());
        }
        if (value instanceof ColumnDefault.Sequence s) {
            return "nextval(" + Identifiers.literal(Identifiers.quote(s.sequenceName())) + ")";
        }
        if (value instanceof ColumnDefault.Expression e) {
            return e.sql();
        }
        throw new IllegalStateException("unknown default " + value);
    }
}

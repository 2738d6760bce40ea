package org.semiont.schema.diff;

import java.util.Map;
import java.util.stream.Collectors;
import org.semiont.schema.sql.ColumnType;
import org.semiont.schema.sql.PgType;

/** Column types as Prisma names them in messages: {@code BigInt}, {@code VarChar(100)}, {@code Decimal(10,2)}. */
public final class TypeNames {
    private static final Map<PgType, String> NAMES = Map.ofEntries(
            Map.entry(PgType.TEXT, "Text"), Map.entry(PgType.VARCHAR, "VarChar"), Map.entry(PgType.CHAR, "Char"),
            Map.entry(PgType.CITEXT, "Citext"), Map.entry(PgType.SMALLINT, "SmallInt"), Map.entry(PgType.INTEGER, "Integer"),
            Map.entry(PgType.BIGINT, "BigInt"), Map.entry(PgType.OID, "Oid"), Map.entry(PgType.REAL, "Real"),
            Map.entry(PgType.DOUBLE_PRECISION, "DoublePrecision"), Map.entry(PgType.DECIMAL, "Decimal"),
            Map.entry(PgType.MONEY, "Money"), Map.entry(PgType.BOOLEAN, "Boolean"), Map.entry(PgType.TIMESTAMP, "Timestamp"),
            Map.entry(PgType.TIMESTAMPTZ, "Timestamptz"), Map.entry(PgType.DATE, "Date"), Map.entry(PgType.TIME, "Time"),
            Map.entry(PgType.TIMETZ, "Timetz"), Map.entry(PgType.JSON, "Json"), Map.entry(PgType.JSONB, "JsonB"),
            Map.entry(PgType.BYTEA, "ByteA"), Map.entry(PgType.UUID, "Uuid"), Map.entry(PgType.INET, "Inet"),
            Map.entry(PgType.XML, "Xml"), Map.entry(PgType.BIT, "Bit"), Map.entry(PgType.VARBIT, "VarBit"));

    private TypeNames() {
    }

    public static String display(ColumnType type) {
        String name;
        if (type.base() == PgType.ENUM) {
            name = type.enumName();
        } else if (type.base() == PgType.UNSUPPORTED) {
            name = "Unsupported(\"" + type.unsupported() + "\")";
        } else {
            name = NAMES.get(type.base());
            if (!type.args().isEmpty()) {
                name += type.args().stream().map(String::valueOf).collect(Collectors.joining(",", "(", ")"));
            }
        }
        return type.array() ? name + "[]" : name;
    }
}

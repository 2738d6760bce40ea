package org.semiont.schema.describe;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.semiont.schema.sql.ColumnType;
import org.semiont.schema.sql.PgType;

/** Turns a pg_type name plus format_type() text into the normal-form {@link ColumnType}. */
final class TypeReader {
    private static final Pattern ARGS = Pattern.compile("\\(([0-9, ]+)\\)");
    private static final Map<String, PgType> BY_TYPNAME = Map.ofEntries(
            Map.entry("text", PgType.TEXT), Map.entry("varchar", PgType.VARCHAR), Map.entry("bpchar", PgType.CHAR),
            Map.entry("citext", PgType.CITEXT), Map.entry("int2", PgType.SMALLINT), Map.entry("int4", PgType.INTEGER),
            Map.entry("int8", PgType.BIGINT), Map.entry("oid", PgType.OID), Map.entry("float4", PgType.REAL),
            Map.entry("float8", PgType.DOUBLE_PRECISION), Map.entry("numeric", PgType.DECIMAL),
            Map.entry("money", PgType.MONEY), Map.entry("bool", PgType.BOOLEAN), Map.entry("timestamp", PgType.TIMESTAMP),
            Map.entry("timestamptz", PgType.TIMESTAMPTZ), Map.entry("date", PgType.DATE), Map.entry("time", PgType.TIME),
            Map.entry("timetz", PgType.TIMETZ), Map.entry("json", PgType.JSON), Map.entry("jsonb", PgType.JSONB),
            Map.entry("bytea", PgType.BYTEA), Map.entry("uuid", PgType.UUID), Map.entry("inet", PgType.INET),
            Map.entry("xml", PgType.XML), Map.entry("bit", PgType.BIT), Map.entry("varbit", PgType.VARBIT));

    private TypeReader() {
    }

    /**
     * @param typeName pg_type.typname of the column type (or of the element type for arrays)
     * @param typeType pg_type.typtype of that type ('e' for enums)
     * @param array    whether the column is an array of that type
     * @param formatted format_type(atttypid, atttypmod), e.g. "character varying(255)[]"
     */
    static ColumnType read(String typeName, String typeType, boolean array, String formatted) {
        ColumnType scalar = scalar(typeName, typeType, formatted);
        return array ? scalar.asArray() : scalar;
    }

    private static ColumnType scalar(String typeName, String typeType, String formatted) {
        if ("e".equals(typeType)) {
            return ColumnType.enumOf(typeName);
        }
        PgType base = BY_TYPNAME.get(typeName);
        if (base == null) {
            String text = formatted.endsWith("[]") ? formatted.substring(0, formatted.length() - 2) : formatted;
            return new ColumnType(PgType.UNSUPPORTED, List.of(), null, false, text);
        }
        return new ColumnType(base, args(base, formatted), null, false, null);
    }

    private static List<Integer> args(PgType base, String formatted) {
        Matcher m = ARGS.matcher(formatted);
        if (m.find()) {
            List<Integer> args = new ArrayList<>();
            for (String part : m.group(1).split(",")) {
                args.add(Integer.parseInt(part.trim()));
            }
            return args;
        }
        return switch (base) {
            case TIMESTAMP, TIMESTAMPTZ, TIME, TIMETZ -> List.of(6);
            case CHAR -> List.of(1);
            default -> List.of();
        };
    }
}

package org.semiont.schema.psl;

import java.util.List;
import java.util.Optional;
import org.semiont.schema.sql.PgType;

/**
 * The {@code @db.X} native types for PostgreSQL: the scalar each belongs to, how many arguments it takes and
 * what it means without them (TIMESTAMP → precision 6, CHAR → length 1, VARCHAR → no limit).
 */
public enum NativeType {
    Text(PgType.TEXT, ScalarType.String, 0, 0), VarChar(PgType.VARCHAR, ScalarType.String, 0, 1),
    Char(PgType.CHAR, ScalarType.String, 0, 1, 1), Citext(PgType.CITEXT, ScalarType.String, 0, 0),
    Uuid(PgType.UUID, ScalarType.String, 0, 0), Inet(PgType.INET, ScalarType.String, 0, 0),
    Xml(PgType.XML, ScalarType.String, 0, 0), Bit(PgType.BIT, ScalarType.String, 0, 1),
    VarBit(PgType.VARBIT, ScalarType.String, 0, 1),
    SmallInt(PgType.SMALLINT, ScalarType.Int, 0, 0), Integer(PgType.INTEGER, ScalarType.Int, 0, 0),
    Oid(PgType.OID, ScalarType.Int, 0, 0), BigInt(PgType.BIGINT, ScalarType.BigInt, 0, 0),
    Real(PgType.REAL, ScalarType.Float, 0, 0), DoublePrecision(PgType.DOUBLE_PRECISION, ScalarType.Float, 0, 0),
    Decimal(PgType.DECIMAL, ScalarType.Decimal, 0, 2), Money(PgType.MONEY, ScalarType.Decimal, 0, 0),
    Boolean(PgType.BOOLEAN, ScalarType.Boolean, 0, 0),
    Timestamp(PgType.TIMESTAMP, ScalarType.DateTime, 0, 1, 6), Timestamptz(PgType.TIMESTAMPTZ, ScalarType.DateTime, 0, 1, 6),
    Date(PgType.DATE, ScalarType.DateTime, 0, 0), Time(PgType.TIME, ScalarType.DateTime, 0, 1, 6),
    Timetz(PgType.TIMETZ, ScalarType.DateTime, 0, 1, 6),
    Json(PgType.JSON, ScalarType.Json, 0, 0), JsonB(PgType.JSONB, ScalarType.Json, 0, 0),
    ByteA(PgType.BYTEA, ScalarType.Bytes, 0, 0);

    private final PgType pgType;
    private final ScalarType scalar;
    private final int minArgs;
    private final int maxArgs;
    private final List<Integer> defaultArgs;

    NativeType(PgType pgType, ScalarType scalar, int minArgs, int maxArgs, Integer... defaultArgs) {
        this.pgType = pgType;
        this.scalar = scalar;
        this.minArgs = minArgs;
        this.maxArgs = maxArgs;
        this.defaultArgs = List.of(defaultArgs);
    }

    public PgType pgType() {
        return pgType;
    }

    public ScalarType scalar() {
        return scalar;
    }

    public int minArgs() {
        return minArgs;
    }

    public int maxArgs() {
        return maxArgs;
    }

    /** The arguments PostgreSQL assumes when none are written. */
    public List<Integer> defaultArgs() {
        return defaultArgs;
    }

    public static Optional<NativeType> of(String name) {
        for (NativeType t : values()) {
            if (t.name().equals(name)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** The native type for a PostgreSQL base type, if Prisma has one. */
    public static Optional<NativeType> of(PgType pgType) {
        for (NativeType t : values()) {
            if (t.pgType == pgType) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}

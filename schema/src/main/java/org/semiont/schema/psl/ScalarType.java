package org.semiont.schema.psl;

import java.util.List;
import java.util.Optional;
import org.semiont.schema.sql.PgType;

/** Prisma's scalar types with the PostgreSQL type each maps to when no @db attribute is given. */
public enum ScalarType {
    String(PgType.TEXT), Int(PgType.INTEGER), BigInt(PgType.BIGINT), Float(PgType.DOUBLE_PRECISION),
    Decimal(PgType.DECIMAL, 65, 30), Boolean(PgType.BOOLEAN), DateTime(PgType.TIMESTAMP, 3), Json(PgType.JSONB),
    Bytes(PgType.BYTEA);

    private final PgType pgType;
    private final List<Integer> args;

    ScalarType(PgType pgType, Integer... args) {
        this.pgType = pgType;
        this.args = List.of(args);
    }

    public PgType pgType() {
        return pgType;
    }

    public List<Integer> args() {
        return args;
    }

    public static Optional<ScalarType> of(String name) {
        for (ScalarType t : values()) {
            if (t.name().equals(name)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}

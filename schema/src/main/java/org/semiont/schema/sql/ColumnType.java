package org.semiont.schema.sql;

import java.util.List;
import java.util.Objects;

/**
 * A column's type: a base PostgreSQL type with its modifiers (e.g. VARCHAR(255) = VARCHAR,[255];
 * TIMESTAMP(3) = TIMESTAMP,[3]; DECIMAL(65,30) = DECIMAL,[65,30]), or an enum (base ENUM with
 * {@code enumName}), or an unsupported type (base UNSUPPORTED with its SQL text in {@code unsupported}).
 * {@code array} marks a one-dimensional list (TEXT[]).
 */
public record ColumnType(PgType base, List<Integer> args, String enumName, boolean array, String unsupported) {
    public ColumnType {
        Objects.requireNonNull(base, "base");
        args = List.copyOf(args);
        if (base == PgType.ENUM && enumName == null) {
            throw new IllegalArgumentException("an enum column type needs an enum name");
        }
        if (base == PgType.UNSUPPORTED && unsupported == null) {
            throw new IllegalArgumentException("an unsupported column type needs its SQL text");
        }
    }

    public static ColumnType of(PgType base, Integer... args) {
        return new ColumnType(base, List.of(args), null, false, null);
    }

    public static ColumnType enumOf(String enumName) {
        return new ColumnType(PgType.ENUM, List.of(), enumName, false, null);
    }

    public ColumnType asArray() {
        return new ColumnType(base, args, enumName, true, unsupported);
    }
}

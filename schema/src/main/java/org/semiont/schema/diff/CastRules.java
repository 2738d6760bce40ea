package org.semiont.schema.diff;

import java.util.List;
import java.util.Set;
import org.semiont.schema.sql.ColumnType;
import org.semiont.schema.sql.PgType;

/** Prisma's PostgreSQL classification of a column type change (see the reference, §1.5). */
public final class CastRules {
    private static final List<PgType> INTEGERS = List.of(PgType.SMALLINT, PgType.INTEGER, PgType.BIGINT);
    private static final Set<PgType> STRINGS = Set.of(PgType.TEXT, PgType.VARCHAR, PgType.CHAR, PgType.CITEXT);
    private static final Set<PgType> TIMES = Set.of(PgType.TIMESTAMP, PgType.TIMESTAMPTZ);
    /** Characters needed to print the smallest value (with sign) of SMALLINT, INTEGER, BIGINT. */
    private static final List<Integer> INTEGER_WIDTHS = List.of(6, 11, 20);

    private CastRules() {
    }

    /** Null when the types are equal. */
    public static CastKind classify(ColumnType from, ColumnType to) {
        if (from.equals(to)) {
            return null;
        }
        if (from.array() != to.array() || from.base() == PgType.ENUM || to.base() == PgType.ENUM) {
            return CastKind.NOT_CASTABLE;
        }
        if (from.base() == PgType.UNSUPPORTED || to.base() == PgType.UNSUPPORTED) {
            return CastKind.RISKY;
        }
        if (from.base() == to.base()) {
            return sameBase(from, to);
        }
        return crossBase(from, to);
    }

    private static CastKind sameBase(ColumnType from, ColumnType to) {
        switch (from.base()) {
            case VARCHAR, CHAR, BIT, VARBIT:
                if (to.args().isEmpty()) {
                    return CastKind.SAFE;
                }
                return !from.args().isEmpty() && to.args().get(0) >= from.args().get(0) ? CastKind.SAFE : CastKind.RISKY;
            case DECIMAL:
                return decimalFits(from, to) ? CastKind.SAFE : CastKind.RISKY;
            default:
                return CastKind.SAFE;
        }
    }

    private static boolean decimalFits(ColumnType from, ColumnType to) {
        if (to.args().isEmpty()) {
            return true;
        }
        if (from.args().isEmpty()) {
            return false;
        }
        int fromScale = from.args().size() > 1 ? from.args().get(1) : 0;
        int toScale = to.args().size() > 1 ? to.args().get(1) : 0;
        return to.args().get(0) - toScale >= from.args().get(0) - fromScale && toScale >= fromScale;
    }

    private static CastKind crossBase(ColumnType from, ColumnType to) {
        PgType a = from.base();
        PgType b = to.base();
        if (b == PgType.TEXT || b == PgType.CITEXT) {
            return CastKind.SAFE;
        }
        if (INTEGERS.contains(a)) {
            return fromInteger(a, to);
        }
        if (a == PgType.REAL || a == PgType.DOUBLE_PRECISION || a == PgType.DECIMAL) {
            return fromFraction(a, b);
        }
        if (STRINGS.contains(a)) {
            return b == PgType.VARCHAR && to.args().isEmpty() ? CastKind.SAFE
                    : STRINGS.contains(b) ? CastKind.RISKY : CastKind.NOT_CASTABLE;
        }
        return fromOther(a, to);
    }

    private static CastKind fromInteger(PgType a, ColumnType to) {
        PgType b = to.base();
        if (INTEGERS.contains(b)) {
            return INTEGERS.indexOf(b) > INTEGERS.indexOf(a) ? CastKind.SAFE : CastKind.RISKY;
        }
        if (b == PgType.REAL || b == PgType.DOUBLE_PRECISION) {
            return CastKind.SAFE;
        }
        if (b == PgType.DECIMAL) {
            int digits = INTEGER_WIDTHS.get(INTEGERS.indexOf(a)) - 1;
            int scale = to.args().size() > 1 ? to.args().get(1) : 0;
            return to.args().isEmpty() || to.args().get(0) - scale >= digits ? CastKind.SAFE : CastKind.RISKY;
        }
        if (b == PgType.VARCHAR || b == PgType.CHAR) {
            int width = INTEGER_WIDTHS.get(INTEGERS.indexOf(a));
            return to.args().isEmpty() || to.args().get(0) >= width ? CastKind.SAFE : CastKind.RISKY;
        }
        return CastKind.NOT_CASTABLE;
    }

    private static CastKind fromFraction(PgType a, PgType b) {
        if (a == PgType.REAL && b == PgType.DOUBLE_PRECISION || a == PgType.DECIMAL && b == PgType.DOUBLE_PRECISION) {
            return CastKind.SAFE;
        }
        if (INTEGERS.contains(b) || b == PgType.REAL || b == PgType.DOUBLE_PRECISION || b == PgType.DECIMAL
                || b == PgType.VARCHAR || b == PgType.CHAR) {
            return CastKind.RISKY;
        }
        return CastKind.NOT_CASTABLE;
    }

    private static CastKind fromOther(PgType a, ColumnType to) {
        PgType b = to.base();
        boolean toOpenString = b == PgType.VARCHAR && to.args().isEmpty();
        if ((a == PgType.JSON && b == PgType.JSONB) || (a == PgType.JSONB && b == PgType.JSON)) {
            return CastKind.SAFE;
        }
        if (TIMES.contains(a) && (TIMES.contains(b) || b == PgType.DATE || b == PgType.TIME)) {
            return CastKind.SAFE;
        }
        if (a == PgType.DATE && TIMES.contains(b) || a == PgType.TIME && b == PgType.TIMETZ || a == PgType.TIMETZ && b == PgType.TIME) {
            return CastKind.SAFE;
        }
        if (b == PgType.VARCHAR || b == PgType.CHAR) {
            return toOpenString ? CastKind.SAFE : CastKind.RISKY;
        }
        return CastKind.NOT_CASTABLE;
    }
}

package org.semiont.schema.diff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.semiont.schema.sql.ColumnType;
import org.semiont.schema.sql.PgType;

class CastRulesTest {
    private static CastKind cast(ColumnType from, ColumnType to) {
        return CastRules.classify(from, to);
    }

    @Test
    void equal_types_need_no_change() {
        assertThat(cast(ColumnType.of(PgType.TEXT), ColumnType.of(PgType.TEXT))).isNull();
    }

    @Test
    void widening_is_safe_and_narrowing_is_risky() {
        assertThat(cast(ColumnType.of(PgType.INTEGER), ColumnType.of(PgType.BIGINT))).isEqualTo(CastKind.SAFE);
        assertThat(cast(ColumnType.of(PgType.BIGINT), ColumnType.of(PgType.INTEGER))).isEqualTo(CastKind.RISKY);
        assertThat(cast(ColumnType.of(PgType.VARCHAR, 10), ColumnType.of(PgType.VARCHAR, 20))).isEqualTo(CastKind.SAFE);
        assertThat(cast(ColumnType.of(PgType.VARCHAR, 20), ColumnType.of(PgType.VARCHAR, 10))).isEqualTo(CastKind.RISKY);
        assertThat(cast(ColumnType.of(PgType.TEXT), ColumnType.of(PgType.VARCHAR, 10))).isEqualTo(CastKind.RISKY);
        assertThat(cast(ColumnType.of(PgType.DECIMAL, 10, 2), ColumnType.of(PgType.DECIMAL, 8, 2))).isEqualTo(CastKind.RISKY);
        assertThat(cast(ColumnType.of(PgType.DECIMAL, 10, 2), ColumnType.of(PgType.DECIMAL, 12, 3))).isEqualTo(CastKind.SAFE);
    }

    @Test
    void anything_becomes_text_safely_but_text_does_not_become_a_number() {
        assertThat(cast(ColumnType.of(PgType.INTEGER), ColumnType.of(PgType.TEXT))).isEqualTo(CastKind.SAFE);
        assertThat(cast(ColumnType.of(PgType.UUID), ColumnType.of(PgType.TEXT))).isEqualTo(CastKind.SAFE);
        assertThat(cast(ColumnType.of(PgType.TEXT), ColumnType.of(PgType.INTEGER))).isEqualTo(CastKind.NOT_CASTABLE);
        assertThat(cast(ColumnType.of(PgType.TEXT), ColumnType.of(PgType.BOOLEAN))).isEqualTo(CastKind.NOT_CASTABLE);
    }

    @Test
    void lists_and_enums_are_never_cast_in_place() {
        assertThat(cast(ColumnType.of(PgType.TEXT), ColumnType.of(PgType.TEXT).asArray())).isEqualTo(CastKind.NOT_CASTABLE);
        assertThat(cast(ColumnType.enumOf("A"), ColumnType.enumOf("B"))).isEqualTo(CastKind.NOT_CASTABLE);
        assertThat(cast(ColumnType.of(PgType.TEXT), ColumnType.enumOf("A"))).isEqualTo(CastKind.NOT_CASTABLE);
    }

    @Test
    void timestamps_json_and_short_integer_strings_follow_prisma() {
        assertThat(cast(ColumnType.of(PgType.TIMESTAMP, 3), ColumnType.of(PgType.TIMESTAMP, 6))).isEqualTo(CastKind.SAFE);
        assertThat(cast(ColumnType.of(PgType.TIMESTAMP, 3), ColumnType.of(PgType.TIMESTAMPTZ, 3))).isEqualTo(CastKind.SAFE);
        assertThat(cast(ColumnType.of(PgType.JSON), ColumnType.of(PgType.JSONB))).isEqualTo(CastKind.SAFE);
        assertThat(cast(ColumnType.of(PgType.INTEGER), ColumnType.of(PgType.VARCHAR, 5))).isEqualTo(CastKind.RISKY);
        assertThat(cast(ColumnType.of(PgType.INTEGER), ColumnType.of(PgType.VARCHAR, 11))).isEqualTo(CastKind.SAFE);
    }
}

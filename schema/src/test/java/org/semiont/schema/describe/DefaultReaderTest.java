package org.semiont.schema.describe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.semiont.schema.sql.ColumnDefault;
import org.semiont.schema.sql.ColumnType;
import org.semiont.schema.sql.PgType;

class DefaultReaderTest {
    @Test
    void postgres_printed_defaults_become_the_normal_form() {
        ColumnType text = ColumnType.of(PgType.TEXT);
        assertThat(DefaultReader.read("nextval('\"User_id_seq\"'::regclass)", ColumnType.of(PgType.INTEGER)))
                .isEqualTo(new ColumnDefault.Sequence("User_id_seq"));
        assertThat(DefaultReader.read("nextval('app.\"T_id_seq\"'::regclass)", ColumnType.of(PgType.INTEGER)))
                .isEqualTo(new ColumnDefault.Sequence("T_id_seq"));
        assertThat(DefaultReader.read("CURRENT_TIMESTAMP", ColumnType.of(PgType.TIMESTAMP, 3))).isEqualTo(new ColumnDefault.Now());
        assertThat(DefaultReader.read("'it''s'::text", text)).isEqualTo(new ColumnDefault.StringValue("it's"));
        assertThat(DefaultReader.read("'1.5'::double precision", ColumnType.of(PgType.DOUBLE_PRECISION)))
                .isEqualTo(new ColumnDefault.NumberValue("1.5"));
        assertThat(DefaultReader.read("'-1'::integer", ColumnType.of(PgType.INTEGER))).isEqualTo(new ColumnDefault.NumberValue("-1"));
        assertThat(DefaultReader.read("42", ColumnType.of(PgType.INTEGER))).isEqualTo(new ColumnDefault.NumberValue("42"));
        assertThat(DefaultReader.read("'USER'::\"Role\"", ColumnType.enumOf("Role"))).isEqualTo(new ColumnDefault.EnumValue("USER"));
        assertThat(DefaultReader.read("ARRAY[]::text[]", text.asArray())).isEqualTo(new ColumnDefault.ListValue("{}"));
        assertThat(DefaultReader.read("false", ColumnType.of(PgType.BOOLEAN))).isEqualTo(new ColumnDefault.BooleanValue(false));
    }

    @Test
    void anything_else_stays_an_expression_as_printed() {
        assertThat(DefaultReader.read("lower('ABC'::text)", ColumnType.of(PgType.TEXT)))
                .isEqualTo(new ColumnDefault.Expression("lower('ABC'::text)"));
        assertThat(DefaultReader.read("'a'::text || 'b'::text", ColumnType.of(PgType.TEXT)))
                .isEqualTo(new ColumnDefault.Expression("'a'::text || 'b'::text"));
    }
}

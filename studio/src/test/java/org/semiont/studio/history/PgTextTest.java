package org.semiont.studio.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.semiont.server.entitytype.EntityTypeRow;

class PgTextTest {
    @Test
    void values_read_as_postgresql_prints_them() {
        assertThat(PgText.text(true)).isEqualTo("t");
        assertThat(PgText.text(false)).isEqualTo("f");
        assertThat(PgText.text(7L)).isEqualTo("7");
        assertThat(PgText.text(null)).isNull();
        assertThat(PgText.text(LocalDateTime.parse("2026-12-06T20:30:21"))).isEqualTo("2026-12-06 20:30:21");
        assertThat(PgText.text(LocalDateTime.parse("2026-12-06T20:30:21.120"))).isEqualTo("2026-12-06 20:30:21.12");
        assertThat(PgText.text(List.of())).isEqualTo("{}");
        assertThat(PgText.text(List.of("Person", "a b", "x,y", "say \"hi\"", "", "null")))
                .isEqualTo("{Person,\"a b\",\"x,y\",\"say \\\"hi\\\"\",\"\",\"null\"}");
    }

    @Test
    void array_text_is_read_back_quoted_or_not() {
        List<String> items = List.of("Person", "a b", "x,y", "say \"hi\"", "", "null");
        assertThat(PgText.parseArray(PgText.array(items))).isEqualTo(items);
        assertThat(PgText.parseArray("{\"Person\",\"Place\"}")).containsExactly("Person", "Place");
        assertThat(PgText.parseArray("{a,NULL}")).containsExactly("a", null);
        assertThat(PgText.parseArray("{}")).isEmpty();
        assertThat(PgText.parseArray("[1]")).isNull();
    }

    @Test
    void a_row_record_becomes_its_columns_by_name() {
        assertThat(PgText.columns(new EntityTypeRow("Person", LocalDateTime.parse("2026-01-02T03:04:05.006"))))
                .containsExactly(java.util.Map.entry("name", "Person"), java.util.Map.entry("created", "2026-01-02 03:04:05.006"));
    }
}

package org.semiont.studio.browse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.semiont.schema.sql.Column;
import org.semiont.schema.sql.ColumnType;
import org.semiont.schema.sql.PgType;
import org.semiont.schema.sql.PrimaryKey;
import org.semiont.schema.sql.Table;
import org.semiont.studio.StudioError;
import org.semiont.studio.StudioException;

class TableQueryTest {
    static final Table ANNOTATIONS = new Table("public", "annotations", List.of(
            new Column("id", ColumnType.of(PgType.TEXT), false, null, false),
            new Column("motivation", ColumnType.of(PgType.TEXT), false, null, false),
            new Column("body", ColumnType.of(PgType.JSONB), false, null, false),
            new Column("linkedDocuments", ColumnType.of(PgType.TEXT).asArray(), false, null, false),
            new Column("modified", ColumnType.of(PgType.TIMESTAMP, 3), true, null, false)),
            new PrimaryKey("annotations_pkey", List.of("id")), List.of(), List.of());

    static TableRequest with(Filter... filters) {
        return TableRequest.firstPage().withFilters(List.of(filters));
    }

    @Test
    void the_first_page_orders_by_the_primary_key_and_asks_one_row_more() {
        SqlText q = TableQuery.page(ANNOTATIONS, TableRequest.firstPage());
        assertThat(q.sql()).isEqualTo("SELECT \"id\", \"motivation\", \"body\", \"linkedDocuments\", \"modified\" FROM "
                + "\"public\".\"annotations\" ORDER BY \"id\" LIMIT 51");
        assertThat(q.params()).isEmpty();
    }

    @Test
    void typed_values_never_reach_the_sql_text() {
        String evil = "x'; DROP TABLE annotations; --";
        SqlText q = TableQuery.page(ANNOTATIONS, with(new Filter("motivation", Filter.Op.EQ, evil, ""),
                new Filter("body", Filter.Op.PATH, evil, "$[*].value"), new Filter("motivation", Filter.Op.CONTAINS, "50%_", "")));
        assertThat(q.sql()).doesNotContain("DROP").doesNotContain("$[*]").doesNotContain("50");
        assertThat(q.params()).containsExactly(evil, "$[*].value", evil, "%50\\%\\_%");
        assertThat(q.sql()).contains("\"motivation\" = CAST(? AS TEXT)").contains("jsonb_path_query(CAST(\"body\" AS JSONB), CAST(? AS JSONPATH))")
                .contains("\"motivation\" ILIKE ?");
    }

    @Test
    void an_unknown_column_is_refused_by_name_and_never_quoted_into_sql() {
        assertThatThrownBy(() -> TableQuery.page(ANNOTATIONS, with(new Filter("id\" OR 1=1 --", Filter.Op.EQ, "x", ""))))
                .isInstanceOf(StudioException.class).hasMessageContaining("has no column")
                .satisfies(e -> assertThat(((StudioException) e).error()).isEqualTo(StudioError.INVALID_REQUEST));
        assertThatThrownBy(() -> TableQuery.page(ANNOTATIONS, TableRequest.firstPage().sorted("nope", false)))
                .hasMessageContaining("has no column \"nope\"");
    }

    @Test
    void an_array_has_filter_uses_containment_and_a_json_column_refuses_ranges() {
        assertThat(TableQuery.page(ANNOTATIONS, with(new Filter("linkedDocuments", Filter.Op.HAS, "doc-1", ""))).sql())
                .contains("\"linkedDocuments\" @> ARRAY[CAST(? AS TEXT)]");
        assertThatThrownBy(() -> TableQuery.page(ANNOTATIONS, with(new Filter("body", Filter.Op.GT, "1", ""))))
                .hasMessageContaining("JSON column compares only for equality");
        assertThatThrownBy(() -> TableQuery.page(ANNOTATIONS, with(new Filter("body", Filter.Op.PATH, "", ""))))
                .hasMessageContaining("needs a path");
    }

    @Test
    void the_next_page_starts_after_the_last_rows_sort_value_and_key() {
        TableRequest sorted = TableRequest.firstPage().sorted("modified", true);
        List<String> names = List.of("id", "motivation", "body", "linkedDocuments", "modified");
        List<String> cursor = TableQuery.cursorOf(ANNOTATIONS, "modified", names, List.of("a9", "tagging", "[]", "{}", "2026-01-01 00:00:00"));
        assertThat(cursor).containsExactly("2026-01-01 00:00:00", "a9");
        SqlText q = TableQuery.page(ANNOTATIONS, sorted.after(cursor));
        assertThat(q.sql()).contains("ORDER BY \"modified\" DESC NULLS LAST, \"id\" LIMIT 51")
                .contains("(\"modified\" IS NULL OR \"modified\" < CAST(? AS TIMESTAMP) OR (\"modified\" = CAST(? AS TIMESTAMP) AND (\"id\") > (CAST(? AS TEXT))))");
        assertThat(q.params()).containsExactly("2026-01-01 00:00:00", "2026-01-01 00:00:00", "a9");
    }

    @Test
    void after_a_null_sort_value_the_next_page_stays_among_the_nulls() {
        List<String> cursor = java.util.Arrays.asList(null, "a9");
        SqlText q = TableQuery.page(ANNOTATIONS, TableRequest.firstPage().sorted("modified", false).after(cursor));
        assertThat(q.sql()).contains("(\"modified\" IS NULL AND (\"id\") > (CAST(? AS TEXT)))");
    }

    @Test
    void a_cursor_that_does_not_fit_the_order_is_refused() {
        assertThatThrownBy(() -> TableQuery.page(ANNOTATIONS, TableRequest.firstPage().sorted("modified", false).after(List.of("a9"))))
                .hasMessageContaining("start again from the first page");
    }
}

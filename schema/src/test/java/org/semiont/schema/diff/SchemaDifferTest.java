package org.semiont.schema.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.semiont.schema.testing.Schemas.*;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.semiont.schema.sql.ColumnType;
import org.semiont.schema.sql.PgType;
import org.semiont.schema.sql.SqlSchema;
import org.semiont.schema.sql.Table;

class SchemaDifferTest {
    private static Migration diff(SqlSchema live, SqlSchema target) {
        return new SchemaDiffer().diff(new SchemaPair(live, target, Set.of()));
    }

    private static List<Class<?>> kinds(Migration m) {
        return m.steps().stream().<Class<?>>map(Object::getClass).toList();
    }

    @Test
    void identical_schemas_give_no_steps() {
        SqlSchema s = schema(List.of(table("A", serialId("A", "id"), text("name"))));
        assertThat(diff(s, s).isEmpty()).isTrue();
    }

    @Test
    void steps_are_ordered_by_phase_so_foreign_keys_go_before_their_tables_are_dropped() {
        Table parent = table("Parent", serialId("Parent", "id"));
        Table child = table("Child", List.of(serialId("Child", "id"), optional("p", PgType.INTEGER)), List.of("id"),
                List.of(), List.of(fk("Child", "p", "Parent", "id", true)));
        SqlSchema live = schema(List.of(parent, child));
        SqlSchema target = schema(List.of(table("New", serialId("New", "id"))), enumType("E", "A"));

        List<Phase> phases = diff(live, target).steps().stream().map(Step::phase).toList();

        assertThat(phases).isSorted();
        assertThat(phases).containsSubsequence(Phase.CREATE_ENUM, Phase.DROP_FOREIGN_KEY, Phase.DROP_TABLE, Phase.CREATE_TABLE);
    }

    @Test
    void a_type_change_without_cast_drops_and_recreates_the_column() {
        SqlSchema live = schema(List.of(table("A", serialId("A", "id"), text("n"))));
        SqlSchema target = schema(List.of(table("A", serialId("A", "id"), required("n", PgType.INTEGER))));

        assertThat(kinds(diff(live, target))).containsExactly(Step.DropColumn.class, Step.AddColumn.class);
    }

    @Test
    void an_index_with_the_same_definition_and_a_new_name_is_renamed() {
        Table before = table("A", List.of(serialId("A", "id"), text("n")), List.of("id"), List.of(index("A", "n")), List.of());
        Table after = table("A", List.of(serialId("A", "id"), text("n")), List.of("id"),
                List.of(new org.semiont.schema.sql.Index("custom", before.indexes().get(0).columns(), false, "btree")), List.of());

        assertThat(kinds(diff(schema(List.of(before)), schema(List.of(after))))).containsExactly(Step.RenameIndex.class);
    }

    @Test
    void appended_enum_values_are_added_in_place_and_removed_ones_recreate_the_enum() {
        SqlSchema live = schema(List.of(), enumType("E", "A", "B"));

        assertThat(kinds(diff(live, schema(List.of(), enumType("E", "A", "B", "C"))))).containsExactly(Step.AddEnumValues.class);
        Step recreate = diff(live, schema(List.of(), enumType("E", "A"))).steps().get(0);
        assertThat(recreate).isInstanceOf(Step.RecreateEnum.class);
        assertThat(((Step.RecreateEnum) recreate).removed()).containsExactly("B");
    }

    @Test
    void two_autoincrement_columns_agree_whatever_their_sequence_is_called() {
        SqlSchema live = schema(List.of(table("A", serialId("a", "id"))));
        SqlSchema target = schema(List.of(table("A", serialId("A", "id"))));
        assertThat(diff(live, target).isEmpty()).isTrue();
    }

    @Test
    void every_step_kind_has_a_summary_and_a_phase() {
        assertThat(Step.class.getPermittedSubclasses()).hasSize(18);
        Step step = new Step.AddColumn(new Step.TableRef("public", "A"),
                new org.semiont.schema.sql.Column("n", ColumnType.of(PgType.TEXT), true, null, false), false);
        assertThat(step.summary()).isEqualTo("add column `n` Text? on table `A`");
    }

    @Test
    void expression_defaults_are_not_compared_by_text_because_postgres_reprints_them() {
        var printed = withDefault(text("v"), new org.semiont.schema.sql.ColumnDefault.Expression("(now() + '1 day'::interval)"));
        var written = withDefault(text("v"), new org.semiont.schema.sql.ColumnDefault.Expression("now() + interval '1 day'"));
        var literal = withDefault(text("v"), new org.semiont.schema.sql.ColumnDefault.StringValue("x"));
        SqlSchema live = schema(List.of(table("A", serialId("A", "id"), printed)));

        assertThat(diff(live, schema(List.of(table("A", serialId("A", "id"), written)))).isEmpty()).isTrue();
        assertThat(diff(live, schema(List.of(table("A", serialId("A", "id"), literal)))).isEmpty()).isFalse();
    }
}

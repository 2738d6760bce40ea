package org.semiont.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.semiont.schema.testing.Schemas.*;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.semiont.schema.check.Finding;
import org.semiont.schema.sql.Column;
import org.semiont.schema.sql.ColumnDefault;
import org.semiont.schema.sql.ColumnType;
import org.semiont.schema.sql.PgType;
import org.semiont.schema.sql.SqlSchema;
import org.semiont.schema.sql.Table;
import org.semiont.schema.target.ColumnKey;
import org.semiont.schema.target.TargetSchema;
import org.semiont.schema.testing.TestDatabases;

/** Push v1, insert rows, push v2: every warning and unexecutable rule, with and without data. */
class DestructiveChecksIT {
    private JdbcSchemaDatabase db;
    private SchemaEngine engine;

    @BeforeEach
    void freshDatabase() {
        db = TestDatabases.newDatabase();
        engine = new SchemaEngine(db, EngineOptions.defaults());
    }

    private static Table thing(Column... extra) {
        List<Column> columns = new java.util.ArrayList<>(List.of(serialId("Thing", "id")));
        columns.addAll(List.of(extra));
        return table("Thing", columns, List.of("id"), List.of(), List.of());
    }

    private PushResult push(Table... tables) {
        return engine.push(target(tables), PushOptions.safe());
    }

    private void pushApplied(Table... tables) {
        assertThat(push(tables).applied()).isTrue();
    }

    private void insert(String... rows) {
        TestDatabases.exec(db, rows);
    }

    private static List<String> codes(List<Finding> findings) {
        return findings.stream().map(Finding::code).toList();
    }

    @Test
    void dropping_an_empty_table_is_silent_and_a_table_with_rows_needs_accept_data_loss() {
        Table other = table("Other", serialId("Other", "id"));
        pushApplied(thing(), other);
        assertThat(push(thing()).applied()).isTrue();

        pushApplied(thing(), other);
        insert("INSERT INTO \"Other\" DEFAULT VALUES", "INSERT INTO \"Other\" DEFAULT VALUES");
        PushResult refused = push(thing());
        assertThat(refused.applied()).isFalse();
        assertThat(refused.warnings()).extracting(Finding::message)
                .containsExactly("You are about to drop the `Other` table, which is not empty (2 rows).");
        assertThat(TestDatabases.count(db, "SELECT COUNT(*) FROM \"Other\"")).isEqualTo(2);

        PushResult accepted = engine.push(target(thing()), new PushOptions(true, false));
        assertThat(accepted.applied()).isTrue();
        assertThat(accepted.statements()).contains("DROP TABLE \"public\".\"Other\"");
    }

    @Test
    void dropping_an_all_null_column_is_silent_and_one_with_values_warns_with_the_count() {
        pushApplied(thing(optional("note", PgType.TEXT)));
        insert("INSERT INTO \"Thing\"(note) VALUES (NULL), (NULL)");
        assertThat(push(thing()).applied()).isTrue();

        pushApplied(thing(optional("note", PgType.TEXT)));
        insert("INSERT INTO \"Thing\"(note) VALUES ('a'), ('b'), (NULL)");
        assertThat(push(thing()).warnings()).extracting(Finding::message).containsExactly(
                "You are about to drop the column `note` on the `Thing` table, which still contains 2 non-null values.");
    }

    @Test
    void a_narrowing_cast_warns_and_applies_in_place_when_accepted() {
        pushApplied(thing(optional("code", PgType.VARCHAR, 100)));
        insert("INSERT INTO \"Thing\"(code) VALUES ('ab')");
        PushResult refused = push(thing(optional("code", PgType.VARCHAR, 5)));
        assertThat(refused.warnings()).extracting(Finding::message).containsExactly("You are about to alter the column `code`"
                + " on the `Thing` table, which contains 1 non-null values. The data in that column will be cast from"
                + " `VarChar(100)` to `VarChar(5)`.");

        assertThat(engine.push(target(thing(optional("code", PgType.VARCHAR, 5))), new PushOptions(true, false)).applied()).isTrue();
        assertThat(TestDatabases.query(db, "SELECT code FROM \"Thing\"")).containsExactly(List.of("ab"));
    }

    @Test
    void a_type_change_without_cast_warns_for_an_optional_column_and_is_unexecutable_for_a_required_one() {
        pushApplied(thing(optional("a", PgType.TEXT), text("b")));
        insert("INSERT INTO \"Thing\"(a, b) VALUES ('x', 'y')");

        PushResult result = push(thing(optional("a", PgType.INTEGER), required("b", PgType.INTEGER)));

        assertThat(result.applied()).isFalse();
        assertThat(result.warnings()).extracting(Finding::message).containsExactly(
                "The `a` column on the `Thing` table would be dropped and recreated. This will lead to data loss.");
        assertThat(result.unexecutable()).extracting(Finding::message).containsExactly("Changed the type of `b` on the"
                + " `Thing` table. No cast exists, the column would be dropped and recreated, which cannot be done since the"
                + " column is required and there is data in the table.");
    }

    @Test
    void a_required_column_without_default_is_unexecutable_on_a_table_with_rows_only() {
        pushApplied(thing());
        assertThat(push(thing(text("name"))).applied()).isTrue();

        pushApplied(thing());
        insert("INSERT INTO \"Thing\" DEFAULT VALUES", "INSERT INTO \"Thing\" DEFAULT VALUES");
        PushResult result = push(thing(text("name")));
        assertThat(result.unexecutable()).extracting(Finding::message).containsExactly("Added the required column `name`"
                + " to the `Thing` table without a default value. There are 2 rows in this table, it is not possible to"
                + " execute this step.");
        assertThat(push(thing(withDefault(text("name"), new ColumnDefault.StringValue("n/a")))).applied()).isTrue();
    }

    @Test
    void a_required_column_with_a_prisma_level_default_gets_its_own_message() {
        pushApplied(thing());
        insert("INSERT INTO \"Thing\" DEFAULT VALUES");
        TargetSchema next = new TargetSchema(schema(List.of(thing(text("cuid")))), Set.of(new ColumnKey("public", "Thing", "cuid")), Set.of());

        PushResult result = engine.push(next, new PushOptions(true, false));

        assertThat(result.applied()).isFalse();
        assertThat(codes(result.unexecutable())).containsExactly("AddedRequiredFieldToTableWithPrismaLevelDefault");
        assertThat(result.unexecutable().get(0).message()).contains("There are 1 rows in this table");
    }

    @Test
    void making_a_column_required_is_unexecutable_while_nulls_exist_and_silent_without_them() {
        pushApplied(thing(optional("name", PgType.TEXT)));
        insert("INSERT INTO \"Thing\"(name) VALUES ('a'), (NULL), (NULL)");
        assertThat(push(thing(text("name"))).unexecutable()).extracting(Finding::message)
                .containsExactly("Made the column `name` on table `Thing` required, but there are 2 existing NULL values.");

        insert("UPDATE \"Thing\" SET name = 'x' WHERE name IS NULL");
        assertThat(push(thing(text("name"))).applied()).isTrue();
    }

    @Test
    void a_unique_constraint_is_added_silently_without_duplicates_and_refused_with_their_count() {
        Table plain = table("Thing", List.of(serialId("Thing", "id"), text("email")), List.of("id"), List.of(), List.of());
        Table withUnique = table("Thing", List.of(serialId("Thing", "id"), text("email")), List.of("id"),
                List.of(unique("Thing", "email")), List.of());
        pushApplied(plain);
        insert("INSERT INTO \"Thing\"(email) VALUES ('a'), ('a'), ('a'), ('b')");
        PushResult refused = push(withUnique);
        assertThat(refused.unexecutable()).extracting(Finding::message).containsExactly("A unique constraint covering the"
                + " columns `[email]` on the table `Thing` cannot be added: 2 rows repeat the values of another row in"
                + " those columns. Remove or change the duplicates first.");

        insert("DELETE FROM \"Thing\" WHERE email = 'a'");
        PushResult applied = push(withUnique);
        assertThat(applied.applied()).isTrue();
        assertThat(applied.warnings()).isEmpty();
    }

    @Test
    void removing_an_unused_enum_value_is_silent_and_a_used_one_is_unexecutable_with_the_count() {
        Column status = new Column("status", ColumnType.enumOf("Status"), true, null, false);
        SqlSchema v1 = schema(List.of(thing(status)), enumType("Status", "NEW", "OLD", "GONE"));
        SqlSchema v2 = schema(List.of(thing(status)), enumType("Status", "NEW", "OLD"));
        SqlSchema v3 = schema(List.of(thing(status)), enumType("Status", "NEW"));
        assertThat(engine.push(target(v1), PushOptions.safe()).applied()).isTrue();
        insert("INSERT INTO \"Thing\"(status) VALUES ('NEW'), ('OLD'), ('OLD')");
        assertThat(engine.push(target(v2), PushOptions.safe()).applied()).isTrue();

        PushResult refused = engine.push(target(v3), new PushOptions(true, false));
        assertThat(refused.unexecutable()).extracting(Finding::message).containsExactly("The values [OLD] on the enum"
                + " `Status` cannot be removed: 2 rows and 0 column defaults still use them. Change those rows and defaults first.");
        assertThat(TestDatabases.query(db, "SELECT enum_range(NULL::\"Status\")::text")).containsExactly(List.of("{NEW,OLD}"));
    }

    @Test
    void an_enum_value_added_and_used_as_default_in_the_same_push_works() {
        Column status = new Column("status", ColumnType.enumOf("Status"), true, null, false);
        Column withDefault = withDefault(status, new ColumnDefault.EnumValue("FRESH"));
        assertThat(engine.push(target(schema(List.of(thing(status)), enumType("Status", "NEW"))), PushOptions.safe()).applied()).isTrue();
        SqlSchema next = schema(List.of(thing(withDefault)), enumType("Status", "FRESH", "NEW"));

        assertThat(engine.push(target(next), PushOptions.safe()).applied()).isTrue();
        assertThat(engine.diff(next).inSync()).isTrue();
    }

    @Test
    void a_foreign_key_over_orphan_rows_is_unexecutable_with_the_count() {
        Table parent = table("Parent", serialId("Parent", "id"));
        Table child = table("Child", List.of(serialId("Child", "id"), optional("parentId", PgType.INTEGER)), List.of("id"),
                List.of(), List.of());
        Table linked = table("Child", List.of(serialId("Child", "id"), optional("parentId", PgType.INTEGER)), List.of("id"),
                List.of(), List.of(fk("Child", "parentId", "Parent", "id", true)));
        pushApplied(parent, child);
        insert("INSERT INTO \"Parent\" DEFAULT VALUES", "INSERT INTO \"Child\"(\"parentId\") VALUES (1), (7), (8), (NULL)");

        PushResult refused = push(parent, linked);
        assertThat(refused.unexecutable()).extracting(Finding::message).containsExactly("The foreign key `Child_parentId_fkey`"
                + " on the `Child` table cannot be added: 2 rows have [parentId] values with no matching row in the `Parent`"
                + " table. Fix or delete those rows first.");

        insert("DELETE FROM \"Child\" WHERE \"parentId\" > 1");
        assertThat(push(parent, linked).applied()).isTrue();
    }

    @Test
    void autoincrement_added_to_a_populated_column_continues_after_the_current_maximum() {
        Table manual = table("Thing", required("id", PgType.INTEGER), optional("name", PgType.TEXT));
        pushApplied(manual);
        insert("INSERT INTO \"Thing\"(id) VALUES (5), (41)");

        assertThat(push(thing(optional("name", PgType.TEXT))).applied()).isTrue();
        insert("INSERT INTO \"Thing\"(name) VALUES ('next')");

        assertThat(TestDatabases.query(db, "SELECT id FROM \"Thing\" WHERE name = 'next'")).containsExactly(List.of(42));
        assertThat(engine.diff(schema(List.of(thing(optional("name", PgType.TEXT))))).inSync()).isTrue();
    }

    @Test
    void a_primary_key_change_on_a_table_with_rows_warns() {
        Table v1 = table("Thing", List.of(text("a"), text("b")), List.of("a"), List.of(), List.of());
        Table v2 = table("Thing", List.of(text("a"), text("b")), List.of("a", "b"), List.of(), List.of());
        pushApplied(v1);
        insert("INSERT INTO \"Thing\" VALUES ('x', 'y')");

        assertThat(codes(push(v2).warnings())).containsExactly("PrimaryKeyChange");
        assertThat(engine.push(target(v2), new PushOptions(true, false)).applied()).isTrue();
        assertThat(engine.diff(schema(List.of(v2))).inSync()).isTrue();
    }

    @Test
    void a_primary_key_that_a_foreign_key_relies_on_can_still_be_changed() {
        Table parentV1 = table("Parent", List.of(serialId("Parent", "id"), text("code")), List.of("id"), List.of(), List.of());
        Table parentV2 = table("Parent", List.of(serialId("Parent", "id"), text("code")), List.of("code"),
                List.of(unique("Parent", "id")), List.of());
        Table child = table("Child", List.of(serialId("Child", "id"), optional("parentId", PgType.INTEGER)), List.of("id"),
                List.of(), List.of(fk("Child", "parentId", "Parent", "id", true)));
        pushApplied(parentV1, child);

        assertThat(push(parentV2, child).applied()).isTrue();
        assertThat(engine.diff(schema(List.of(parentV2, child))).inSync()).isTrue();
    }
}

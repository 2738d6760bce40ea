package org.semiont.schema.pull;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.semiont.schema.psl.PrismaSchema;
import org.semiont.schema.psl.PslFixtures;
import org.semiont.schema.psl.PslParser;
import org.semiont.schema.sql.Column;
import org.semiont.schema.sql.ColumnDefault;
import org.semiont.schema.sql.ColumnType;
import org.semiont.schema.sql.EnumType;
import org.semiont.schema.sql.ForeignKey;
import org.semiont.schema.sql.ForeignKey.ReferentialAction;
import org.semiont.schema.sql.Index;
import org.semiont.schema.sql.Index.IndexColumn;
import org.semiont.schema.sql.Index.SortOrder;
import org.semiont.schema.sql.PgType;
import org.semiont.schema.sql.PrimaryKey;
import org.semiont.schema.sql.SqlSchema;
import org.semiont.schema.sql.Table;
import org.semiont.schema.target.TargetCalculator;

/** Golden tests for db pull conventions on a purpose-built database, as describe would report it. */
class SchemaPullerTest {
    private static Column col(String name, ColumnType type, boolean nullable) {
        return new Column(name, type, nullable, null, false);
    }

    private static Column col(String name, ColumnType type, boolean nullable, ColumnDefault d) {
        return new Column(name, type, nullable, d, false);
    }

    private static Column serial(String table, String name) {
        return new Column(name, ColumnType.of(PgType.INTEGER), false, new ColumnDefault.Sequence(table + "_" + name + "_seq"), true);
    }

    private static Index index(String name, boolean unique, String... columns) {
        return new Index(name, java.util.Arrays.stream(columns).map(c -> new IndexColumn(c, SortOrder.ASC)).toList(), unique, "btree");
    }

    static SqlSchema purposeBuilt() {
        Table users = new Table("public", "users", List.of(
                serial("users", "id"),
                col("email", ColumnType.of(PgType.VARCHAR, 255), false),
                col("my column", ColumnType.of(PgType.INTEGER), true),
                col("created", ColumnType.of(PgType.TIMESTAMPTZ, 6), false, new ColumnDefault.Now()),
                col("status", ColumnType.enumOf("order-status"), false, new ColumnDefault.EnumValue("in-transit")),
                col("nick", ColumnType.of(PgType.TEXT), false, new ColumnDefault.StringValue("anon"))),
                new PrimaryKey("users_pkey", List.of("id")), List.of(index("users_email_key", true, "email")), List.of());
        Table orderItems = new Table("public", "order-items", List.of(
                serial("order-items", "id"),
                col("owner_id", ColumnType.of(PgType.INTEGER), false),
                col("buyer_id", ColumnType.of(PgType.INTEGER), true),
                col("price", ColumnType.of(PgType.DECIMAL, 10, 2), false, new ColumnDefault.NumberValue("1.5")),
                col("weights", ColumnType.of(PgType.INTEGER).asArray(), true, new ColumnDefault.ListValue("{}")),
                col("note", ColumnType.of(PgType.CHAR, 10), true)),
                new PrimaryKey("order_items_pk", List.of("id")),
                List.of(new Index("order-items_owner_id_buyer_id_idx", List.of(new IndexColumn("owner_id", SortOrder.ASC),
                        new IndexColumn("buyer_id", SortOrder.DESC)), false, "btree")),
                List.of(new ForeignKey("order-items_buyer_id_fkey", List.of("buyer_id"), "public", "users", List.of("id"),
                                ReferentialAction.SET_NULL, ReferentialAction.CASCADE),
                        new ForeignKey("order_items_owner_fk", List.of("owner_id"), "public", "users", List.of("id"),
                                ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION)));
        Table codes = new Table("public", "2fa_codes", List.of(
                col("code", ColumnType.of(PgType.TEXT), false),
                col("user_id", ColumnType.of(PgType.INTEGER), false),
                col("issued", ColumnType.of(PgType.TIMESTAMP, 6), true),
                col("token", ColumnType.of(PgType.UUID), false, new ColumnDefault.Expression("gen_random_uuid()")),
                col("span", new ColumnType(PgType.UNSUPPORTED, List.of(), null, false, "interval"), true)),
                null, List.of(index("2fa_codes_code_key", true, "code"), index("2fa_codes_user_id_key", true, "user_id")),
                List.of(new ForeignKey("2fa_codes_user_id_fkey", List.of("user_id"), "public", "users", List.of("id"),
                        ReferentialAction.CASCADE, ReferentialAction.CASCADE)));
        Table composite = new Table("public", "composite_pk", List.of(
                col("a", ColumnType.of(PgType.INTEGER), false),
                col("b", ColumnType.of(PgType.TEXT), false),
                col("data", ColumnType.of(PgType.JSON), true),
                col("blob", ColumnType.of(PgType.BYTEA), true),
                col("amount", ColumnType.of(PgType.DECIMAL, 65, 30), true),
                col("raw", ColumnType.of(PgType.DECIMAL), true),
                col("happened", ColumnType.of(PgType.TIMESTAMP, 3), true)),
                new PrimaryKey("composite_pk_pkey", List.of("a", "b")), List.of(), List.of());
        Table logs = new Table("public", "logs", List.of(col("line", ColumnType.of(PgType.TEXT), true),
                col("flag", ColumnType.of(PgType.BOOLEAN), false, new ColumnDefault.BooleanValue(true))), null, List.of(), List.of());
        Table post = new Table("public", "Post", List.of(serial("Post", "id"), col("title", ColumnType.of(PgType.TEXT), false)),
                new PrimaryKey("Post_pkey", List.of("id")), List.of(), List.of());
        Table tag = new Table("public", "Tag", List.of(serial("Tag", "id")), new PrimaryKey("Tag_pkey", List.of("id")), List.of(), List.of());
        Table join = new Table("public", "_PostToTag", List.of(col("A", ColumnType.of(PgType.INTEGER), false),
                col("B", ColumnType.of(PgType.INTEGER), false)), new PrimaryKey("_PostToTag_AB_pkey", List.of("A", "B")),
                List.of(index("_PostToTag_B_index", false, "B")),
                List.of(new ForeignKey("_PostToTag_A_fkey", List.of("A"), "public", "Post", List.of("id"), ReferentialAction.CASCADE,
                                ReferentialAction.CASCADE),
                        new ForeignKey("_PostToTag_B_fkey", List.of("B"), "public", "Tag", List.of("id"), ReferentialAction.CASCADE,
                                ReferentialAction.CASCADE)));
        return new SqlSchema(List.of("public"), List.of(codes, post, Tag(tag), join, composite, logs, orderItems, users),
                List.of(new EnumType("public", "order-status", List.of("in-transit", "1st", "done"))));
    }

    private static Table Tag(Table t) {
        return t;
    }

    @Test
    void a_purpose_built_database_pulls_to_the_golden_schema() {
        PullResult r = SchemaPuller.pull(purposeBuilt(), Optional.empty());
        Golden.assertMatches(r.psl(), "psl/pull/purpose-built.expected.prisma");
    }

    @Test
    void the_pulled_schema_parses_and_targets_the_same_database() {
        SqlSchema live = purposeBuilt();
        PrismaSchema pulled = PslParser.parse("pulled.prisma", SchemaPuller.pull(live, Optional.empty()).psl());
        SqlSchema again = TargetCalculator.calculate(pulled, "public").sql();
        assertThat(again.tables()).extracting(Table::name).containsExactlyElementsOf(
                live.tables().stream().map(Table::name).sorted().toList());
        for (Table t : live.tables()) {
            assertThat(again.table("public", t.name())).as(t.name()).contains(t);
        }
        assertThat(again.enums()).isEqualTo(live.enums());
    }

    @Test
    void warnings_name_unsupported_types_and_ignored_tables() {
        PullResult r = SchemaPuller.pull(purposeBuilt(), Optional.empty());
        assertThat(r.warnings()).containsExactly(
                "Model \"fa_codes\", field \"span\": type \"interval\" is not supported by Prisma Client; it is kept as Unsupported(\"interval\").",
                "Model \"logs\" is marked @@ignore: table \"logs\" has no primary key or unique index over required columns. Add one to use it.");
    }

    @Test
    void re_introspection_keeps_model_and_field_names_maps_and_prisma_level_defaults() {
        String previous = PslFixtures.resource("psl/app-user.prisma");
        PrismaSchema prev = PslParser.parse("schema.prisma", previous);
        PullResult r = SchemaPuller.pull(TargetCalculator.calculate(prev, "public").sql(), Optional.of(prev));
        assertThat(r.psl()).contains("model User {", "id              String    @id @default(cuid())",
                "updatedAt       DateTime  @updatedAt", "@@unique([provider, providerId])", "@@map(\"users\")");
        assertThat(TargetCalculator.calculate(PslParser.parse("again.prisma", r.psl()), "public"))
                .isEqualTo(TargetCalculator.calculate(prev, "public"));
        assertThat(r.warnings()).singleElement().asString().contains("kept names").contains("User");
    }

    @Test
    void without_a_previous_schema_prisma_level_defaults_are_lost_and_names_follow_the_tables() {
        PrismaSchema prev = PslParser.parse("schema.prisma", PslFixtures.resource("psl/app-user.prisma"));
        String psl = SchemaPuller.pull(TargetCalculator.calculate(prev, "public").sql(), Optional.empty()).psl();
        assertThat(psl).contains("model users {", "  id              String    @id\n", "  updatedAt       DateTime\n").doesNotContain("@@map");
    }

    @Test
    void several_schemas_get_a_schemas_list_and_schema_attributes() {
        SqlSchema live = new SqlSchema(List.of("app", "auth"), List.of(
                new Table("auth", "accounts", List.of(serial("accounts", "id")), new PrimaryKey("accounts_pkey", List.of("id")),
                        List.of(), List.of())), List.of(new EnumType("app", "mood", List.of("ok"))));
        String psl = SchemaPuller.pull(live, Optional.empty()).psl();
        assertThat(psl).contains("schemas  = [\"app\", \"auth\"]", "@@schema(\"auth\")", "@@schema(\"app\")");
        assertThat(TargetCalculator.calculate(PslParser.parse("p", psl), "public").sql()).isEqualTo(live);
    }

    @Test
    void re_introspection_writes_the_previous_datasource_and_generator_blocks_back() {
        String previous = "datasource db {\n  provider  = \"postgresql\"\n  url       = env(\"DATABASE_URL\")\n"
                + "  directUrl = env(\"DIRECT_URL\")\n  extensions = [pg_trgm]\n}\n\ngenerator client {\n  provider = \"prisma-client-js\"\n"
                + "  output   = \"../generated\"\n}\n\nmodel A {\n  id Int @id\n}\n";
        PrismaSchema prev = PslParser.parse("schema.prisma", previous);
        String psl = SchemaPuller.pull(TargetCalculator.calculate(prev, "public").sql(), Optional.of(prev)).psl();
        assertThat(psl).startsWith("datasource db {\n  provider   = \"postgresql\"\n  url        = env(\"DATABASE_URL\")\n"
                + "  directUrl  = env(\"DIRECT_URL\")\n  extensions = [pg_trgm]\n}\n\ngenerator client {\n  provider = \"prisma-client-js\"\n"
                + "  output   = \"../generated\"\n}\n\nmodel A {\n  id Int @id\n}\n");
    }

    @Test
    void names_that_clash_after_sanitising_get_numbered_and_scalar_type_names_are_avoided() {
        Table dashed = new Table("public", "order-items", List.of(serial("order-items", "id"), col("my column", ColumnType.of(PgType.TEXT), true),
                col("my_column", ColumnType.of(PgType.TEXT), true)), new PrismaKeyed("order-items").pk(), List.of(), List.of());
        Table underscored = new Table("public", "order_items", List.of(serial("order_items", "id"),
                col("kind", ColumnType.enumOf("kind"), false, new ColumnDefault.EnumValue("a_b"))),
                new PrismaKeyed("order_items").pk(), List.of(), List.of());
        Table string = new Table("public", "String", List.of(serial("String", "id")), new PrismaKeyed("String").pk(), List.of(), List.of());
        SqlSchema live = new SqlSchema(List.of("public"), List.of(string, dashed, underscored),
                List.of(new EnumType("public", "kind", List.of("a-b", "a_b"))));
        String psl = SchemaPuller.pull(live, Optional.empty()).psl();
        assertThat(psl).contains("model RenamedString {", "@@map(\"String\")", "model order_items {", "model order_items_2 {",
                "my_column   String? @map(\"my column\")", "my_column_2 String? @map(\"my_column\")", "a_b   @map(\"a-b\")",
                "a_b_2 @map(\"a_b\")", "@default(a_b_2)");
        SqlSchema again = TargetCalculator.calculate(PslParser.parse("p", psl), "public").sql();
        assertThat(again.tables()).containsExactlyInAnyOrderElementsOf(live.tables());
        assertThat(again.enums()).isEqualTo(live.enums());
    }

    private record PrismaKeyed(String table) {
        PrimaryKey pk() {
            return new PrimaryKey(table + "_pkey", List.of("id"));
        }
    }

    @Test
    void re_introspection_keeps_ignore_attributes_the_user_set() {
        String previous = "datasource db {\n  provider = \"postgresql\"\n}\n\nmodel A {\n  id     Int    @id\n  secret String @ignore\n\n  @@ignore\n}\n";
        PrismaSchema prev = PslParser.parse("schema.prisma", previous);
        String psl = SchemaPuller.pull(TargetCalculator.calculate(prev, "public").sql(), Optional.of(prev)).psl();
        assertThat(psl).isEqualTo(previous);
    }

    @Test
    void the_prisma_migrations_table_is_not_pulled() {
        Table migrations = new Table("public", "_prisma_migrations", List.of(col("id", ColumnType.of(PgType.VARCHAR, 36), false)),
                new PrimaryKey("_prisma_migrations_pkey", List.of("id")), List.of(), List.of());
        assertThat(SchemaPuller.pull(new SqlSchema(List.of("public"), List.of(migrations), List.of()), Optional.empty()).psl())
                .doesNotContain("model");
    }
}

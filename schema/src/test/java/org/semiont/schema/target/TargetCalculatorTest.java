package org.semiont.schema.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.semiont.schema.psl.PslParser;
import org.semiont.schema.psl.PslFixtures;
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

class TargetCalculatorTest {
    static final String DS = "datasource db {\n  provider = \"postgresql\"\n  url = env(\"DATABASE_URL\")\n}\n";

    static TargetSchema target(String psl) {
        return TargetCalculator.calculate(PslParser.parse("schema.prisma", psl), "public");
    }

    static Table table(TargetSchema t, String name) {
        return t.sql().table("public", name).orElseThrow();
    }

    @Test
    void the_blog_schema_becomes_tables_sorted_by_name_with_a_join_table_for_many_to_many() {
        TargetSchema t = target(PslFixtures.resource("psl/blog.prisma"));
        assertThat(t.sql().namespaces()).containsExactly("public");
        assertThat(t.sql().tables()).extracting(Table::name).containsExactly("Label", "Post", "Profile", "_LabelToPost", "users");
        assertThat(t.sql().enums()).containsExactly(new EnumType("public", "role", List.of("USER", "admin")));
    }

    @Test
    void scalar_types_defaults_and_prisma_level_defaults_follow_the_normal_form() {
        TargetSchema t = target(PslFixtures.resource("psl/blog.prisma"));
        Table users = table(t, "users");
        assertThat(users.columns()).containsExactly(
                new Column("id", ColumnType.of(PgType.TEXT), false, null, false),
                new Column("email", ColumnType.of(PgType.TEXT), false, null, false),
                new Column("name", ColumnType.of(PgType.VARCHAR, 100), true, null, false),
                new Column("role", ColumnType.enumOf("role"), false, new ColumnDefault.EnumValue("USER"), false),
                new Column("createdAt", ColumnType.of(PgType.TIMESTAMP, 3), false, new ColumnDefault.Now(), false),
                new Column("updatedAt", ColumnType.of(PgType.TIMESTAMP, 3), false, null, false));
        assertThat(users.primaryKey()).isEqualTo(new PrimaryKey("users_pkey", List.of("id")));
        assertThat(users.indexes()).containsExactly(new Index("users_email_key", List.of(new IndexColumn("email", SortOrder.ASC)), true, "btree"));
        assertThat(t.prismaLevelDefaults()).containsExactly(new ColumnKey("public", "users", "id"));
        assertThat(t.updatedAtColumns()).containsExactly(new ColumnKey("public", "users", "updatedAt"));
    }

    @Test
    void posts_get_serial_ids_lists_decimals_mapped_columns_indexes_and_a_foreign_key() {
        Table post = table(target(PslFixtures.resource("psl/blog.prisma")), "Post");
        assertThat(post.columns()).containsExactly(
                new Column("id", ColumnType.of(PgType.INTEGER), false, new ColumnDefault.Sequence("Post_id_seq"), true),
                new Column("title", ColumnType.of(PgType.TEXT), false, null, false),
                new Column("published", ColumnType.of(PgType.BOOLEAN), false, new ColumnDefault.BooleanValue(false), false),
                new Column("score", ColumnType.of(PgType.DOUBLE_PRECISION), false, new ColumnDefault.NumberValue("1.5"), false),
                new Column("price", ColumnType.of(PgType.DECIMAL, 10, 2), true, null, false),
                new Column("tags", ColumnType.of(PgType.TEXT).asArray(), true, new ColumnDefault.ListValue("{}"), false),
                new Column("author_id", ColumnType.of(PgType.TEXT), true, null, false));
        assertThat(post.indexes()).containsExactly(
                new Index("Post_author_id_published_idx", List.of(new IndexColumn("author_id", SortOrder.ASC),
                        new IndexColumn("published", SortOrder.DESC)), false, "btree"),
                new Index("post_title_author", List.of(new IndexColumn("title", null), new IndexColumn("author_id", null)), true, "btree"));
        assertThat(post.foreignKeys()).containsExactly(new ForeignKey("Post_author_id_fkey", List.of("author_id"), "public", "users",
                List.of("id"), ReferentialAction.SET_NULL, ReferentialAction.CASCADE));
    }

    @Test
    void a_required_relation_defaults_to_restrict_and_explicit_actions_win() {
        Table profile = table(target(PslFixtures.resource("psl/blog.prisma")), "Profile");
        assertThat(profile.foreignKeys()).singleElement().satisfies(fk -> {
            assertThat(fk.onDelete()).isEqualTo(ReferentialAction.CASCADE);
            assertThat(fk.onUpdate()).isEqualTo(ReferentialAction.CASCADE);
        });
        assertThat(profile.column("bio").orElseThrow().defaultValue()).isEqualTo(new ColumnDefault.StringValue(""));
        TargetSchema t = target(DS + "model A {\n  id Int @id\n  bs B[]\n}\nmodel B {\n  id Int @id\n  aId Int\n"
                + "  a A @relation(fields: [aId], references: [id])\n}\n");
        ForeignKey fk = table(t, "B").foreignKeys().get(0);
        assertThat(fk.onDelete()).isEqualTo(ReferentialAction.RESTRICT);
        assertThat(fk.onUpdate()).isEqualTo(ReferentialAction.CASCADE);
    }

    @Test
    void the_join_table_has_columns_a_and_b_a_composite_primary_key_an_index_on_b_and_cascading_keys() {
        Table join = table(target(PslFixtures.resource("psl/blog.prisma")), "_LabelToPost");
        assertThat(join).isEqualTo(new Table("public", "_LabelToPost",
                List.of(new Column("A", ColumnType.of(PgType.INTEGER), false, null, false),
                        new Column("B", ColumnType.of(PgType.INTEGER), false, null, false)),
                new PrimaryKey("_LabelToPost_AB_pkey", List.of("A", "B")),
                List.of(new Index("_LabelToPost_B_index", List.of(new IndexColumn("B", SortOrder.ASC)), false, "btree")),
                List.of(new ForeignKey("_LabelToPost_A_fkey", List.of("A"), "public", "Label", List.of("id"),
                                ReferentialAction.CASCADE, ReferentialAction.CASCADE),
                        new ForeignKey("_LabelToPost_B_fkey", List.of("B"), "public", "Post", List.of("id"),
                                ReferentialAction.CASCADE, ReferentialAction.CASCADE))));
    }

    @Test
    void native_types_without_arguments_get_the_arguments_postgresql_assumes() {
        TargetSchema t = target(DS + "model A {\n  id Int @id @db.SmallInt\n  a DateTime @db.Timestamptz\n  b DateTime @db.Time\n"
                + "  c String @db.Char\n  d String @db.VarChar\n  e Decimal @db.Decimal\n  f Decimal\n  g Json\n  h Json @db.Json\n"
                + "  i Bytes\n  j BigInt\n  k String @db.Uuid @default(dbgenerated(\"gen_random_uuid()\"))\n"
                + "  l Unsupported(\"tsvector\")?\n  m DateTime @db.Date\n}\n");
        assertThat(table(t, "A").columns()).extracting(Column::type).containsExactly(
                ColumnType.of(PgType.SMALLINT), ColumnType.of(PgType.TIMESTAMPTZ, 6), ColumnType.of(PgType.TIME, 6),
                ColumnType.of(PgType.CHAR, 1), ColumnType.of(PgType.VARCHAR), ColumnType.of(PgType.DECIMAL),
                ColumnType.of(PgType.DECIMAL, 65, 30), ColumnType.of(PgType.JSONB), ColumnType.of(PgType.JSON),
                ColumnType.of(PgType.BYTEA), ColumnType.of(PgType.BIGINT), ColumnType.of(PgType.UUID),
                new ColumnType(PgType.UNSUPPORTED, List.of(), null, false, "tsvector"), ColumnType.of(PgType.DATE));
        assertThat(table(t, "A").column("k").orElseThrow().defaultValue()).isEqualTo(new ColumnDefault.Expression("gen_random_uuid()"));
    }

    @Test
    void numbers_are_canonical_and_list_defaults_use_postgresql_array_text() {
        TargetSchema t = target(DS + "model A {\n  id Int @id\n  a Float @default(2.0)\n  b Decimal @default(-0.50)\n"
                + "  c Int[] @default([1, 2])\n  d String[] @default([\"x\", \"a b\"])\n  e BigInt @default(10)\n}\n");
        assertThat(table(t, "A").columns()).extracting(Column::defaultValue).containsExactly(null,
                new ColumnDefault.NumberValue("2"), new ColumnDefault.NumberValue("-0.5"), new ColumnDefault.ListValue("{1,2}"),
                new ColumnDefault.ListValue("{x,\"a b\"}"), new ColumnDefault.NumberValue("10"));
    }

    @Test
    void composite_keys_and_uniques_with_maps_and_sort_orders() {
        TargetSchema t = target(DS + "model M {\n  a Int\n  b String\n  c Int @unique(map: \"c_uq\", sort: Desc)\n"
                + "  @@id([a, b], map: \"m_pk\")\n  @@unique([b, a])\n  @@index([c], type: Hash)\n  @@index([b], map: \"by_b\")\n}\n");
        Table m = table(t, "M");
        assertThat(m.primaryKey()).isEqualTo(new PrimaryKey("m_pk", List.of("a", "b")));
        assertThat(m.indexes()).extracting(Index::name).containsExactly("M_b_a_key", "M_c_idx", "by_b", "c_uq");
        assertThat(m.indexes().get(1).method()).isEqualTo("hash");
        assertThat(m.indexes().get(3).columns()).containsExactly(new IndexColumn("c", SortOrder.DESC));
    }

    @Test
    void long_names_are_cut_to_63_bytes_like_prisma_and_postgresql_do() {
        String longTable = "a".repeat(70);
        assertThat(ConstraintNames.primaryKey(longTable)).isEqualTo("a".repeat(58) + "_pkey").hasSize(63);
        assertThat(ConstraintNames.uniqueIndex("t", List.of("b".repeat(40), "c".repeat(40)))).hasSize(63).endsWith("_key");
        assertThat(ConstraintNames.foreignKey("t", List.of("x".repeat(80)))).hasSize(63).endsWith("x_fkey");
        assertThat(ConstraintNames.sequence("t".repeat(40), "c".repeat(40))).isEqualTo("t".repeat(29) + "_" + "c".repeat(29) + "_seq");
        assertThat(ConstraintNames.sequence("items", "id")).isEqualTo("items_id_seq");
        assertThat(ConstraintNames.primaryKey("é".repeat(40))).isEqualTo("é".repeat(29) + "_pkey");
    }

    @Test
    void multi_schema_models_live_in_their_namespace_and_the_default_namespace_is_used_otherwise() {
        String ds = "datasource db {\n  provider = \"postgresql\"\n  url = env(\"U\")\n  schemas = [\"app\", \"auth\"]\n}\n";
        TargetSchema t = TargetCalculator.calculate(PslParser.parse("s.prisma", ds + "model A {\n  id Int @id\n  @@schema(\"auth\")\n}\n"
                + "enum E {\n  X\n  @@schema(\"app\")\n}\n"), "public");
        assertThat(t.sql().namespaces()).containsExactly("app", "auth");
        assertThat(t.sql().tables()).extracting(Table::namespace).containsExactly("auth");
        assertThat(t.sql().enums()).extracting(EnumType::namespace).containsExactly("app");
        TargetSchema plain = TargetCalculator.calculate(PslParser.parse("s.prisma", DS + "model A {\n  id Int @id\n}\n"), "tenant1");
        assertThat(plain.sql()).isEqualTo(new SqlSchema(List.of("tenant1"), plain.sql().tables(), List.of()));
        assertThat(plain.sql().tables()).extracting(Table::namespace).containsExactly("tenant1");
    }

    @Test
    void the_application_user_model_has_no_database_default_for_cuid_and_updated_at() {
        TargetSchema t = target(PslFixtures.resource("psl/app-user.prisma"));
        Table users = table(t, "users");
        assertThat(users.indexes()).extracting(Index::name).containsExactly("users_email_key", "users_provider_providerId_key");
        assertThat(t.prismaLevelDefaults()).isEqualTo(Set.of(new ColumnKey("public", "users", "id")));
        assertThat(users.column("provider").orElseThrow().defaultValue()).isEqualTo(new ColumnDefault.StringValue("google"));
    }
}

package org.semiont.schema.psl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.semiont.schema.SchemaError;
import org.semiont.schema.SchemaException;

class PslParserTest {
    static String resource(String path) {
        return PslFixtures.resource(path);
    }

    static List<String> errors(String source) {
        try {
            PslParser.parse("schema.prisma", source);
        } catch (SchemaException e) {
            assertThat(e.error()).isEqualTo(SchemaError.SCHEMA_INVALID);
            return e.details();
        }
        throw new AssertionError("expected the schema to be invalid");
    }

    private static final String DS = "datasource db {\n  provider = \"postgresql\"\n  url = env(\"DATABASE_URL\")\n}\n";

    @Test
    void a_valid_schema_parses_into_models_fields_attributes_and_enums() {
        PrismaSchema s = PslParser.parse("blog.prisma", resource("psl/blog.prisma"));
        assertThat(s.datasource()).isEqualTo(new Datasource("db", "postgresql", "env(\"DATABASE_URL\")", List.of()));
        assertThat(s.generators()).extracting(Generator::name).containsExactly("client");
        assertThat(s.models()).extracting(Model::name).containsExactly("User", "Profile", "Post", "Label");
        Model user = s.model("User").orElseThrow();
        assertThat(user.documentation()).isEqualTo("People who write.");
        assertThat(user.tableName()).isEqualTo("users");
        Field name = user.field("name").orElseThrow();
        assertThat(name.type().arity()).isEqualTo(FieldType.Arity.OPTIONAL);
        assertThat(name.attribute("db.VarChar").orElseThrow().args()).hasSize(1);
        assertThat(s.model("Post").orElseThrow().field("tags").orElseThrow().type().arity()).isEqualTo(FieldType.Arity.LIST);
        assertThat(s.enumDef("Role").orElseThrow().values()).extracting(EnumDef.EnumValue::dbName).containsExactly("USER", "admin");
    }

    @Test
    void spans_point_at_the_line_and_column_of_each_declaration() {
        PrismaSchema s = PslParser.parse("blog.prisma", resource("psl/blog.prisma"));
        Field email = s.model("User").orElseThrow().field("email").orElseThrow();
        assertThat(email.span().line()).isEqualTo(14);
        assertThat(email.span().column()).isEqualTo(3);
        assertThat(email.type().span().column()).isEqualTo(13);
    }

    @Test
    void a_schema_that_declares_nothing_is_invalid_rather_than_a_plan_to_drop_every_table() {
        for (String empty : List.of("", "\n  \n", "// just a comment\n/// and a doc comment\n")) {
            assertThat(errors(empty)).singleElement().asString().startsWith("schema.prisma:1:1: The schema declares nothing");
        }
        assertThat(PslParser.parse("schema.prisma", "datasource db {\n  provider = \"postgresql\"\n}\n").models())
                .as("a datasource alone is an empty database on purpose").isEmpty();
    }

    @Test
    void an_invalid_schema_reports_every_error_with_file_line_and_column() {
        List<String> errors = errors(resource("psl/invalid-many.prisma"));
        assertThat(errors).contains(
                "schema.prisma:8:9: Type \"Strin\" is not a known type. Did you mean \"String\"?",
                "schema.prisma:9:16: Attribute \"@uniqe\" is not known. Did you mean \"unique\"?",
                "schema.prisma:11:25: Enum \"Role\" has no value \"SUPERUSER\". Values: USER, ADMIN.");
        assertThat(errors).anyMatch(e -> e.startsWith("schema.prisma:10:25: A string default is not valid on Int field \"age\""));
        assertThat(errors).anyMatch(e -> e.startsWith("schema.prisma:14:7: The model \"User\" is defined twice (first at line 6)"));
        assertThat(errors).anyMatch(e -> e.startsWith("schema.prisma:18:7: Model \"NoKey\" has no unique identifier"));
        assertThat(errors).hasSize(6);
    }

    @Test
    void the_exception_message_counts_the_errors_and_names_the_file() {
        assertThatThrownBy(() -> PslParser.parse("app.prisma", DS + "model A {\n  id Int @id\n  x Strng\n  y Intt\n}\n"))
                .isInstanceOf(SchemaException.class).hasMessage("2 error(s) in app.prisma");
    }

    @Test
    void syntax_errors_are_collected_and_parsing_continues_on_the_next_line() {
        List<String> errors = errors(DS + "model A {\n  id Int @id @default(\n  name String @map(\"x\"\n  ok String\n  bad\n}\n");
        assertThat(errors).hasSize(4);
        assertThat(errors.get(0)).startsWith("schema.prisma:5:7: Model \"A\" has no unique identifier");
        assertThat(errors.get(1)).startsWith("schema.prisma:6:23: Expected a value");
        assertThat(errors.get(2)).startsWith("schema.prisma:7:23: Expected \",\" or \")\"");
        assertThat(errors.get(3)).isEqualTo("schema.prisma:9:3: Field \"bad\" has no type: write it as `bad String`.");
    }

    @Test
    void an_unclosed_string_and_an_unclosed_block_are_reported() {
        List<String> errors = errors(DS + "model A {\n  id String @id @default(\"abc)\n");
        assertThat(errors).anyMatch(e -> e.contains("This string is not closed"));
        assertThat(errors).anyMatch(e -> e.contains("The model \"A\" is not closed: add a \"}\"."));
    }

    @Test
    void native_types_must_be_known_and_match_the_scalar_type() {
        List<String> errors = errors(DS + "model A {\n  id Int @id @db.VarChar(10)\n  b String @db.Varchar\n  c Decimal @db.Decimal(5)\n"
                + "  d DateTime @db.Timestamp(3)\n}\n");
        assertThat(errors).containsExactly(
                "schema.prisma:6:14: Native type \"VarChar\" is not compatible with type \"Int\" of field \"id\": use it on a String field.",
                "schema.prisma:7:12: Native type \"Varchar\" is not known for PostgreSQL. Did you mean \"VarChar\"?",
                "schema.prisma:8:13: Native type \"Decimal\" takes none or two (precision, scale) argument(s), but 1 were given.");
    }

    @Test
    void relations_need_an_opposite_field_and_fields_with_references_on_one_side() {
        List<String> errors = errors(DS + "model A {\n  id Int @id\n  bs B[]\n}\nmodel B {\n  id Int @id\n  aId Int\n  a A\n}\n"
                + "model C {\n  id Int @id\n  aId Int\n  a A @relation(fields: [aId], references: [id])\n}\n");
        assertThat(errors).anyMatch(e -> e.startsWith("schema.prisma:12:3: The relation between \"B.a\" and \"A.bs\" needs fields and references"));
        assertThat(errors).anyMatch(e -> e.startsWith("schema.prisma:17:3: The relation field \"a\" on model \"C\" is missing an opposite relation field on model \"A\""));
    }

    @Test
    void relation_fields_and_references_must_exist_and_reference_a_unique_criterion() {
        List<String> errors = errors(DS + "model A {\n  id Int @id\n  code Int\n  bs B[]\n}\nmodel B {\n  id Int @id\n  aId Int\n"
                + "  a A @relation(fields: [aid], references: [code])\n}\n");
        assertThat(errors).anyMatch(e -> e.contains("names \"aid\", which model \"B\" does not have. Did you mean \"aId\"?"));
        assertThat(errors).anyMatch(e -> e.contains("The references [code] of \"B.a\" must be the @id, @@id or a @unique/@@unique of model \"A\"."));
    }

    @Test
    void a_required_relation_over_optional_fields_is_rejected() {
        List<String> errors = errors(DS + "model A {\n  id Int @id\n  bs B[]\n}\nmodel B {\n  id Int @id\n  aId Int?\n"
                + "  a A @relation(fields: [aId], references: [id])\n}\n");
        assertThat(errors).singleElement().asString().contains("Relation field \"a\" is required, but some of its fields [aId] are optional");
    }

    @Test
    void ambiguous_relations_must_be_named() {
        List<String> errors = errors(DS + "model U {\n  id Int @id\n  written P[]\n  edited P[]\n}\nmodel P {\n  id Int @id\n"
                + "  authorId Int\n  editorId Int\n  author U @relation(fields: [authorId], references: [id])\n"
                + "  editor U @relation(fields: [editorId], references: [id])\n}\n");
        assertThat(errors).anyMatch(e -> e.contains("is ambiguous"));
    }

    @Test
    void named_relations_between_the_same_models_are_valid() {
        PrismaSchema s = PslParser.parse("x.prisma", DS + "model U {\n  id Int @id\n  written P[] @relation(\"author\")\n"
                + "  edited P[] @relation(\"editor\")\n}\nmodel P {\n  id Int @id\n  authorId Int\n  editorId Int?\n"
                + "  author U @relation(\"author\", fields: [authorId], references: [id])\n"
                + "  editor U? @relation(\"editor\", fields: [editorId], references: [id])\n}\n");
        assertThat(Relations.of(s)).extracting(Relations.Relation::name).containsExactly("author", "editor");
    }

    @Test
    void defaults_are_checked_against_the_field_type() {
        List<String> errors = errors(DS + "model A {\n  id String @id @default(autoincrement())\n  n Int @default(now())\n"
                + "  b Boolean @default(yes)\n  f Float @default(1.5)\n  c String @default(cuid(3))\n  t String[] @default(\"x\")\n}\n");
        assertThat(errors).hasSize(5);
        assertThat(errors.get(0)).contains("autoincrement() is only valid on a Int or BigInt field; \"id\" is String.");
        assertThat(errors.get(2)).contains("use true or false");
        assertThat(errors.get(3)).contains("use cuid() or cuid(2)");
        assertThat(errors.get(4)).contains("write its default as a list");
    }

    @Test
    void a_model_without_unique_identifier_is_valid_when_ignored() {
        PrismaSchema s = PslParser.parse("x.prisma", DS + "model Log {\n  line String?\n\n  @@ignore\n}\n");
        assertThat(s.model("Log").orElseThrow().ignored()).isTrue();
    }

    @Test
    void the_datasource_must_be_postgresql_and_block_attributes_must_be_known() {
        List<String> errors = errors("datasource db {\n  provider = \"mysql\"\n}\nmodel A {\n  id Int @id\n  @@indx([id])\n}\n");
        assertThat(errors).containsExactly(
                "schema.prisma:1:12: Datasource provider \"mysql\" is not supported: only \"postgresql\" is.",
                "schema.prisma:6:3: Attribute \"@@indx\" is not known. Did you mean \"index\"?");
    }

    @Test
    void multi_schema_models_need_a_listed_schema() {
        String ds = "datasource db {\n  provider = \"postgresql\"\n  url = env(\"U\")\n  schemas = [\"app\", \"auth\"]\n}\n";
        List<String> errors = errors(ds + "model A {\n  id Int @id\n}\nmodel B {\n  id Int @id\n  @@schema(\"other\")\n}\n");
        assertThat(errors).hasSize(2);
        assertThat(errors.get(0)).contains("needs a @@schema attribute");
        assertThat(errors.get(1)).contains("Schema \"other\" of model \"B\" is not in the datasource's schemas [app, auth]");
    }

    @Test
    void the_application_user_model_parses() {
        PrismaSchema s = PslParser.parse("schema.prisma", resource("psl/app-user.prisma"));
        assertThat(s.model("User").orElseThrow().fields()).hasSize(14);
    }

    @Test
    void unknown_attribute_arguments_and_index_types_are_reported() {
        List<String> errors = errors(DS + "model A {\n  id Int @id(mapp: \"x\")\n  b Int @unique(\"b_key\")\n  @@index([b], type: Hsh)\n"
                + "  @@unique([b], nam: \"x\")\n}\n");
        assertThat(errors).containsExactly(
                "schema.prisma:6:14: Unknown argument \"mapp\" for @id. Did you mean \"map\"? Known: map, sort, length, clustered.",
                "schema.prisma:7:17: @unique takes only named arguments (map, sort, length, clustered).",
                "schema.prisma:8:22: Index type \"Hsh\" is not known: use one of BTree, Hash, Gin, Gist, Brin, SpGist. Did you mean \"Hash\"?",
                "schema.prisma:9:17: Unknown argument \"nam\" for @@unique. Did you mean \"name\"? Known: fields, name, map, clustered.");
    }

    @Test
    void enum_values_must_be_identifiers() {
        List<String> errors = errors(DS + "enum E {\n  in-transit\n}\n");
        assertThat(errors).singleElement().asString().startsWith("schema.prisma:6:3: \"in-transit\" is not a valid enum value");
    }

    @Test
    void set_null_needs_optional_fields_and_the_back_side_of_one_to_one_must_be_optional() {
        List<String> errors = errors(DS + "model A {\n  id Int @id\n  b B\n}\nmodel B {\n  id Int @id\n  aId Int @unique\n"
                + "  a A @relation(fields: [aId], references: [id], onDelete: SetNull)\n}\n");
        assertThat(errors).containsExactly(
                "schema.prisma:7:3: The back side \"A.b\" of a one-to-one relation must be optional: write it as \"B?\".",
                "schema.prisma:12:60: onDelete: SetNull on \"B.a\" cannot work: its fields are required. Make them optional or choose another action.");
    }

    @Test
    void doc_comments_attach_to_the_next_declaration_and_plain_comments_are_dropped() {
        PrismaSchema s = PslParser.parse("x.prisma", DS + "// not kept\n/// The model.\n/// Second line.\nmodel A {\n"
                + "  /// The key.\n  id Int @id // trailing comment\n  // plain\n  name String /// trailing doc\n}\n");
        Model a = s.model("A").orElseThrow();
        assertThat(a.documentation()).isEqualTo("The model.\nSecond line.");
        assertThat(a.field("id").orElseThrow().documentation()).isEqualTo("The key.");
        assertThat(a.field("name").orElseThrow().documentation()).isNull();
    }

    @Test
    void windows_line_endings_and_tabs_keep_positions_right() {
        List<String> errors = errors(DS.replace("\n", "\r\n") + "model A {\r\n\tid Int @id\r\n\tx Foo\r\n}\r\n");
        assertThat(errors).containsExactly("schema.prisma:7:4: Type \"Foo\" is not a known type. Use a scalar type (String, Int, BigInt, Float, Decimal, Boolean,"
                + " DateTime, Json, Bytes), a model or an enum.");
    }

    @Test
    void list_and_optional_markers_and_unsupported_types_parse() {
        PrismaSchema s = PslParser.parse("x.prisma", DS + "model A {\n  id Int @id\n  tags String[]\n  v Unsupported(\"tsvector\")?\n}\n");
        Model a = s.model("A").orElseThrow();
        assertThat(a.field("tags").orElseThrow().type().arity()).isEqualTo(FieldType.Arity.LIST);
        assertThat(a.field("v").orElseThrow().type()).satisfies(t -> {
            assertThat(t.unsupported()).isEqualTo("tsvector");
            assertThat(t.arity()).isEqualTo(FieldType.Arity.OPTIONAL);
        });
        assertThat(errors(DS + "model B {\n  id Int @id\n  t String[]?\n}\n")).singleElement().asString()
                .isEqualTo("schema.prisma:7:13: A list field cannot be optional: remove the \"?\" after \"String[]\".");
    }

    @Test
    void fields_and_references_on_the_list_side_are_reported_with_the_way_out() {
        List<String> errors = errors(DS + "model A {\n  id Int @id\n  bs B[] @relation(fields: [id], references: [aId])\n}\n"
                + "model B {\n  id Int @id\n  aId Int\n  a A\n}\n");
        assertThat(errors).singleElement().asString().isEqualTo("schema.prisma:7:3: The list field \"A.bs\" cannot hold fields/references:"
                + " move them to \"B.a\", the side that stores the foreign key.");
    }
}

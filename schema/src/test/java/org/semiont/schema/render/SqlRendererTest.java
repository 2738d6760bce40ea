package org.semiont.schema.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.semiont.schema.testing.Schemas.*;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.semiont.schema.diff.SchemaDiffer;
import org.semiont.schema.diff.SchemaPair;
import org.semiont.schema.diff.Step;
import org.semiont.schema.sql.Column;
import org.semiont.schema.sql.ColumnDefault;
import org.semiont.schema.sql.ColumnType;
import org.semiont.schema.sql.EnumType;
import org.semiont.schema.sql.ForeignKey;
import org.semiont.schema.sql.Index;
import org.semiont.schema.sql.PgType;
import org.semiont.schema.sql.PrimaryKey;
import org.semiont.schema.sql.SqlSchema;
import org.semiont.schema.sql.Table;

class SqlRendererTest {
    private static List<String> sql(SqlSchema live, SqlSchema target) {
        return SqlRenderer.forSchemas(live, target).render(new SchemaDiffer().diff(new SchemaPair(live, target, Set.of())));
    }

    @Test
    void a_new_table_is_rendered_like_prisma_with_serial_and_a_named_primary_key() {
        Table user = table("User", List.of(serialId("User", "id"), text("email"), optional("name", PgType.VARCHAR, 100)),
                List.of("id"), List.of(unique("User", "email")), List.of());

        assertThat(sql(SqlSchema.empty(List.of("public")), schema(List.of(user)))).containsExactly(
                "CREATE TABLE \"public\".\"User\" (\n    \"id\" SERIAL NOT NULL,\n    \"email\" TEXT NOT NULL,\n"
                        + "    \"name\" VARCHAR(100),\n\n    CONSTRAINT \"User_pkey\" PRIMARY KEY (\"id\")\n)",
                "CREATE UNIQUE INDEX \"User_email_key\" ON \"public\".\"User\"(\"email\")");
    }

    @Test
    void a_foreign_key_names_its_actions() {
        Table parent = table("P", serialId("P", "id"));
        Table child = table("C", List.of(serialId("C", "id"), required("pId", PgType.INTEGER)), List.of("id"), List.of(),
                List.of(fk("C", "pId", "P", "id", false)));
        SqlSchema before = schema(List.of(parent, table("C", serialId("C", "id"), required("pId", PgType.INTEGER))));

        assertThat(sql(before, schema(List.of(parent, child)))).containsExactly("ALTER TABLE \"public\".\"C\" ADD CONSTRAINT"
                + " \"C_pId_fkey\" FOREIGN KEY (\"pId\") REFERENCES \"public\".\"P\"(\"id\") ON DELETE RESTRICT ON UPDATE CASCADE");
    }

    @Test
    void every_step_kind_renders_to_at_least_one_statement() {
        SqlRenderer renderer = SqlRenderer.forSchemas(SqlSchema.empty(List.of("public")), SqlSchema.empty(List.of("public")));
        for (Class<?> kind : Step.class.getPermittedSubclasses()) {
            Step step = sample(kind.getSimpleName());
            assertThat(step).isInstanceOf(kind);
            assertThat(renderer.render(step)).as(kind.getSimpleName()).isNotEmpty().allMatch(sql -> !sql.isBlank());
            assertThat(step.summary()).as(kind.getSimpleName()).isNotBlank();
        }
    }

    private static Step sample(String kind) {
        Step.TableRef t = new Step.TableRef("public", "T");
        Column c = optional("c", PgType.TEXT);
        Column serial = serialId("T", "id");
        Column plain = required("id", PgType.INTEGER);
        EnumType e = enumType("E", "A", "B");
        Index ix = unique("T", "c");
        ForeignKey fk = fk("T", "c", "U", "id", true);
        PrimaryKey pk = new PrimaryKey("T_pkey", List.of("id"));
        return switch (kind) {
            case "CreateNamespace" -> new Step.CreateNamespace("app");
            case "CreateEnum" -> new Step.CreateEnum(e);
            case "AddEnumValues" -> new Step.AddEnumValues(e, enumType("E", "A", "B", "C"), List.of("C"), java.util.Arrays.asList((String) null));
            case "RecreateEnum" -> new Step.RecreateEnum(e, enumType("E", "A"), List.of("B"), List.of(new Step.EnumColumn(t,
                    new Column("e", ColumnType.enumOf("E"), true, new ColumnDefault.EnumValue("A"), false), new ColumnDefault.EnumValue("A"))));
            case "DropEnum" -> new Step.DropEnum(e);
            case "CreateTable" -> new Step.CreateTable(table("T", serial, c));
            case "DropTable" -> new Step.DropTable(table("T", serial, c));
            case "AddColumn" -> new Step.AddColumn(t, c, false);
            case "DropColumn" -> new Step.DropColumn(t, c, null);
            case "AlterColumn" -> new Step.AlterColumn(t, plain, serial, null);
            case "DropPrimaryKey" -> new Step.DropPrimaryKey(t, pk);
            case "AddPrimaryKey" -> new Step.AddPrimaryKey(t, pk);
            case "RenamePrimaryKey" -> new Step.RenamePrimaryKey(t, "old_pkey", "T_pkey");
            case "CreateIndex" -> new Step.CreateIndex(t, ix, true);
            case "DropIndex" -> new Step.DropIndex(t, ix, true);
            case "RenameIndex" -> new Step.RenameIndex(t, "old", ix.name());
            case "AddForeignKey" -> new Step.AddForeignKey(t, fk, true);
            case "DropForeignKey" -> new Step.DropForeignKey(t, fk);
            default -> throw new IllegalStateException("no sample for step kind " + kind + ": add one");
        };
    }

    @Test
    void autoincrement_added_in_place_advances_its_sequence_past_the_current_maximum() {
        Step.AlterColumn step = new Step.AlterColumn(new Step.TableRef("public", "T"), required("id", PgType.INTEGER),
                serialId("T", "id"), null);
        assertThat(SqlRenderer.forSchemas(SqlSchema.empty(List.of()), SqlSchema.empty(List.of())).render(step)).containsExactly(
                "CREATE SEQUENCE \"public\".\"T_id_seq\" AS INTEGER",
                "ALTER TABLE \"public\".\"T\" ALTER COLUMN \"id\" SET DEFAULT nextval('\"public\".\"T_id_seq\"')",
                "ALTER SEQUENCE \"public\".\"T_id_seq\" OWNED BY \"public\".\"T\".\"id\"",
                "SELECT setval('\"public\".\"T_id_seq\"', COALESCE(MAX(\"id\"), 0) + 1, false) FROM \"public\".\"T\"");
    }
}

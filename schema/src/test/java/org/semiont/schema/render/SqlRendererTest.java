package org.semiont.schema.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.semiont.schema.testing.Schemas.*;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.semiont.schema.diff.SchemaDiffer;
import org.semiont.schema.diff.SchemaPair;
import org.semiont.schema.diff.Step;
import org.semiont.schema.sql.PgType;
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
    void every_step_kind_renders() {
        for (Class<?> kind : Step.class.getPermittedSubclasses()) {
            assertThat(Step.class.isAssignableFrom(kind)).isTrue();
        }
        assertThat(sql(schema(List.of(), enumType("E", "A")), schema(List.of()))).containsExactly("DROP TYPE \"public\".\"E\"");
    }
}

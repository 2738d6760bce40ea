package org.semiont.schema.target;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.semiont.schema.psl.PrismaSchema;
import org.semiont.schema.psl.PslFixtures;
import org.semiont.schema.psl.PslParser;
import org.semiont.schema.sql.ColumnType;
import org.semiont.schema.sql.PgType;
import org.semiont.schema.sql.Table;

class RealWorldFixtureTest {
    private final PrismaSchema schema = PslParser.parse("realworld.prisma", PslFixtures.resource("fixtures/realworld.prisma"));
    private final TargetSchema target = TargetCalculator.calculate(schema, "public");

    @Test
    void the_fixture_has_at_least_fifteen_models_five_enums_and_a_join_table() {
        assertThat(schema.models()).hasSizeGreaterThanOrEqualTo(15);
        assertThat(schema.enums()).hasSize(5);
        assertThat(target.sql().tables()).hasSize(schema.models().size() + 1);
        assertThat(target.sql().table("public", "_TagToTask")).isPresent();
    }

    @Test
    void named_relations_to_the_same_table_get_one_foreign_key_each() {
        Table task = target.sql().table("public", "Task").orElseThrow();
        assertThat(task.foreignKeys()).extracting(fk -> fk.constraintName()).containsExactly(
                "Task_assigneeId_fkey", "Task_milestoneId_fkey", "Task_projectId_fkey", "Task_reporterId_fkey");
        assertThat(task.column("id").orElseThrow().type()).isEqualTo(ColumnType.of(PgType.BIGINT));
    }

    @Test
    void composite_keys_mapped_tables_and_prisma_filled_columns_are_computed() {
        assertThat(target.sql().table("public", "invoice_lines").orElseThrow().primaryKey().columns()).containsExactly("invoiceId", "position");
        assertThat(target.sql().table("public", "Membership").orElseThrow().primaryKey().constraintName()).isEqualTo("Membership_pkey");
        assertThat(target.prismaLevelDefaults()).contains(new ColumnKey("public", "users", "id"), new ColumnKey("public", "Price", "id"),
                new ColumnKey("public", "Product", "id"), new ColumnKey("public", "Subscription", "id"));
        assertThat(target.updatedAtColumns()).containsExactlyInAnyOrder(new ColumnKey("public", "users", "updated_at"),
                new ColumnKey("public", "Task", "updatedAt"));
        assertThat(target.sql().table("public", "audit_log").orElseThrow().indexes().get(0).method()).isEqualTo("brin");
    }
}

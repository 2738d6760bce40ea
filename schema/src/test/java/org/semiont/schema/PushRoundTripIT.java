package org.semiont.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.semiont.schema.describe.SchemaDescriber;
import org.semiont.schema.sql.SqlSchema;
import org.semiont.schema.testing.Schemas;
import org.semiont.schema.testing.TestDatabases;

class PushRoundTripIT {

    @Test
    void a_pushed_schema_describes_back_to_the_same_value_and_a_second_push_is_a_no_op() throws Exception {
        JdbcSchemaDatabase db = JdbcSchemaDatabase.fromUrl(TestDatabases.newDatabaseUrl());
        SchemaEngine engine = new SchemaEngine(db, EngineOptions.defaults());
        SqlSchema target = RichSchemas.blog();

        PushResult first = engine.push(Schemas.target(target), PushOptions.safe());
        assertThat(first.createdDatabase()).isTrue();
        assertThat(first.applied()).isTrue();
        assertThat(first.warnings()).isEmpty();

        try (Connection c = db.connect()) {
            assertThat(new SchemaDescriber().describe(c, List.of("public")).schema()).isEqualTo(target);
        }
        PushResult second = engine.push(Schemas.target(target), PushOptions.safe());
        assertThat(second.applied()).isFalse();
        assertThat(second.statements()).isEmpty();
        assertThat(second.inSync()).isTrue();
        assertThat(engine.diff(target).inSync()).isTrue();
    }

    @Test
    void dropping_everything_again_leaves_an_empty_namespace() {
        JdbcSchemaDatabase db = TestDatabases.newDatabase();
        SchemaEngine engine = new SchemaEngine(db, EngineOptions.defaults());
        engine.push(Schemas.target(RichSchemas.blog()), PushOptions.safe());

        PushResult drop = engine.push(Schemas.target(SqlSchema.empty(List.of("public"))), PushOptions.safe());

        assertThat(drop.applied()).isTrue();
        assertThat(TestDatabases.count(db, "SELECT COUNT(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = 'public' AND c.relkind = 'r'")).isZero();
        assertThat(TestDatabases.count(db, "SELECT COUNT(*) FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace"
                + " WHERE n.nspname = 'public' AND t.typtype = 'e'")).isZero();
    }

    @Test
    void the_url_schema_parameter_puts_everything_in_that_namespace_and_leaves_public_alone() {
        JdbcSchemaDatabase db = JdbcSchemaDatabase.fromUrl(TestDatabases.newDatabaseUrl() + "?schema=app");
        SchemaEngine engine = new SchemaEngine(db, EngineOptions.defaults());
        String psl = """
                datasource db {
                  provider = "postgresql"
                  url      = env("DATABASE_URL")
                }
                enum Kind {
                  A
                  B
                }
                model Item {
                  id   Int  @id @default(autoincrement())
                  kind Kind @default(A)
                }
                """;

        PushResult first = engine.push("schema.prisma", psl, PushOptions.safe());

        assertThat(first.statements()).first().isEqualTo("CREATE SCHEMA IF NOT EXISTS \"app\"");
        assertThat(TestDatabases.count(db, "SELECT COUNT(*) FROM app.\"Item\"")).isZero();
        assertThat(TestDatabases.count(db, "SELECT COUNT(*) FROM pg_tables WHERE schemaname = 'public'")).isZero();
        assertThat(engine.push("schema.prisma", psl, PushOptions.safe()).statements()).isEmpty();
    }

    @Test
    void force_reset_drops_the_namespace_contents_and_pushes_in_one_transaction() {
        JdbcSchemaDatabase db = TestDatabases.newDatabase();
        SchemaEngine engine = new SchemaEngine(db, EngineOptions.defaults());
        engine.push(Schemas.target(RichSchemas.blog()), PushOptions.safe());
        TestDatabases.exec(db, "INSERT INTO \"User\"(email, \"updatedAt\") VALUES ('a@x', now())",
                "CREATE VIEW \"extra\" AS SELECT 1 AS one");

        PushResult reset = engine.push(Schemas.target(RichSchemas.blog()), new PushOptions(false, true));

        assertThat(reset.applied()).isTrue();
        assertThat(reset.statements()).startsWith("DROP SCHEMA IF EXISTS \"public\" CASCADE", "CREATE SCHEMA \"public\"");
        assertThat(TestDatabases.count(db, "SELECT COUNT(*) FROM \"User\"")).isZero();
        assertThat(TestDatabases.count(db, "SELECT COUNT(*) FROM pg_views WHERE viewname = 'extra'")).isZero();
        assertThat(engine.diff(RichSchemas.blog()).inSync()).isTrue();
    }
}

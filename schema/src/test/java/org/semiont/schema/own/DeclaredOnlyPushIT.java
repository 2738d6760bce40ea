package org.semiont.schema.own;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.semiont.schema.EngineOptions;
import org.semiont.schema.JdbcSchemaDatabase;
import org.semiont.schema.PushOptions;
import org.semiont.schema.PushResult;
import org.semiont.schema.SchemaEngine;
import org.semiont.schema.testing.TestDatabases;

class DeclaredOnlyPushIT {
    private static final String V1 = """
            datasource db {
              provider = "postgresql"
              url      = env("DATABASE_URL")
            }
            model Document {
              id   String @id
              name String
              @@map("documents")
            }
            """;
    private static final String V2 = V1.replace("name String", "name String\n  language String?");

    @Test
    void a_declared_only_push_leaves_a_teams_table_index_and_column_alone_and_names_them() throws Exception {
        JdbcSchemaDatabase db = TestDatabases.newDatabase();
        SchemaEngine engine = new SchemaEngine(db, EngineOptions.defaults());
        engine.push("schema.prisma", V1, PushOptions.safe());
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE my_notes (id int PRIMARY KEY, body text)");
            st.execute("INSERT INTO my_notes VALUES (1, 'kept')");
            st.execute("CREATE TABLE my_empty (id int)");
            st.execute("CREATE INDEX documents_name_idx ON documents (name)");
            st.execute("ALTER TABLE documents ADD COLUMN reviewed boolean");
        }

        PushResult result = engine.push("schema.prisma", V2, PushOptions.declaredOnlySafe());

        assertThat(result.applied()).isTrue();
        assertThat(result.statements()).singleElement().asString().contains("ADD COLUMN \"language\"");
        assertThat(result.foreignObjects()).extracting(ForeignObject::describe).containsExactlyInAnyOrder(
                "table `my_notes`", "table `my_empty`", "column `reviewed` on table `documents`",
                "index `documents_name_idx` on table `documents`");
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            assertThat(count(st, "SELECT count(*) FROM my_notes")).isEqualTo(1);
            assertThat(count(st, "SELECT count(*) FROM pg_indexes WHERE indexname = 'documents_name_idx'")).isEqualTo(1);
            assertThat(count(st, "SELECT count(*) FROM my_empty")).isZero();
        }
        PushResult again = engine.push("schema.prisma", V2, PushOptions.declaredOnlySafe());
        assertThat(again.statements()).isEmpty();
        assertThat(again.foreignObjects()).hasSize(4);
        assertThat(engine.diff(engine.target("schema.prisma", V2).sql(), true).inSync()).isTrue();
    }

    @Test
    void a_full_push_still_makes_the_database_exactly_the_schema() throws Exception {
        JdbcSchemaDatabase db = TestDatabases.newDatabase();
        SchemaEngine engine = new SchemaEngine(db, EngineOptions.defaults());
        engine.push("schema.prisma", V1, PushOptions.safe());
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE my_empty (id int)");
        }

        PushResult result = engine.push("schema.prisma", V1, PushOptions.safe());

        assertThat(result.applied()).isTrue();
        assertThat(result.statements()).anyMatch(s -> s.startsWith("DROP TABLE"));
    }

    private static long count(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

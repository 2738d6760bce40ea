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

class OnlinePushIT {
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
            model Note {
              id    Int    @id
              docId String
              @@map("notes")
            }
            """;
    private static final String V2 = V1
            .replace("name String\n", "name String\n  notes Note[]\n  @@index([name])\n")
            .replace("docId String\n", "docId String\n  doc   Document @relation(fields: [docId], references: [id])\n");

    @Test
    void a_declared_only_push_builds_a_new_index_concurrently_and_validates_a_new_foreign_key_after_commit() throws Exception {
        JdbcSchemaDatabase db = TestDatabases.newDatabase();
        SchemaEngine engine = new SchemaEngine(db, EngineOptions.defaults());
        engine.push("schema.prisma", V1, PushOptions.safe());
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO documents SELECT 'd' || g, 'n' || g FROM generate_series(1, 1000) g");
            st.execute("INSERT INTO notes VALUES (1, 'd1')");
        }

        PushResult result = engine.push("schema.prisma", V2, PushOptions.declaredOnlySafe());

        assertThat(result.applied()).isTrue();
        assertThat(result.statements()).anyMatch(s -> s.startsWith("CREATE INDEX CONCURRENTLY \"documents_name_idx\""))
                .anyMatch(s -> s.contains("FOREIGN KEY") && s.endsWith(" NOT VALID"))
                .anyMatch(s -> s.contains("VALIDATE CONSTRAINT \"notes_docId_fkey\""));
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT (SELECT bool_and(indisvalid) FROM pg_index WHERE indexrelid = 'documents_name_idx'::regclass),"
                     + " (SELECT convalidated FROM pg_constraint WHERE conname = 'notes_docId_fkey')")) {
            rs.next();
            assertThat(rs.getBoolean(1)).as("index valid").isTrue();
            assertThat(rs.getBoolean(2)).as("foreign key validated").isTrue();
        }
        assertThat(engine.push("schema.prisma", V2, PushOptions.declaredOnlySafe()).statements()).isEmpty();
    }
}

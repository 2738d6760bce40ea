package org.semiont.schema.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.semiont.schema.EngineOptions;
import org.semiont.schema.JdbcSchemaDatabase;
import org.semiont.schema.SchemaEngine;
import org.semiont.schema.testing.TestDatabases;

/** The grants of docs/migrations.md: the deploy role migrates, the runtime role only reads and writes rows. */
class MigrationRolesIT {
    private static final String SCHEMA = """
            datasource db {
              provider = "postgresql"
              url      = env("DATABASE_URL")
            }
            model Note {
              id   Int    @id @default(autoincrement())
              body String
              @@index([body])
            }
            """;

    @TempDir
    Path dir;

    @Test
    void the_deploy_role_applies_migrations_and_the_runtime_role_writes_rows_passes_check_and_cannot_change_the_schema()
            throws Exception {
        JdbcSchemaDatabase admin = TestDatabases.newDatabase();
        String deploy = admin.databaseName() + "_deploy";
        String runtime = admin.databaseName() + "_runtime";
        TestDatabases.exec(admin,
                "CREATE ROLE " + deploy + " LOGIN PASSWORD 'deploy-pw'",
                "CREATE ROLE " + runtime + " LOGIN PASSWORD 'runtime-pw'",
                "GRANT CONNECT, CREATE ON DATABASE " + admin.databaseName() + " TO " + deploy,
                "ALTER SCHEMA public OWNER TO " + deploy,
                "GRANT CONNECT ON DATABASE " + admin.databaseName() + " TO " + runtime,
                "GRANT USAGE ON SCHEMA public TO " + runtime,
                "ALTER DEFAULT PRIVILEGES FOR ROLE " + deploy + " IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO " + runtime,
                "ALTER DEFAULT PRIVILEGES FOR ROLE " + deploy + " IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO " + runtime);
        JdbcSchemaDatabase deployDb = as(admin, deploy, "deploy-pw");
        JdbcSchemaDatabase runtimeDb = as(admin, runtime, "runtime-pw");
        var target = new SchemaEngine(admin, EngineOptions.defaults()).target("schema.prisma", SCHEMA);
        MigrationDraft draft = new MigrationDrafter().fromEmpty(target);
        MigrationsFolder folder = new MigrationsFolder(dir);
        folder.write("20260101000000_notes", draft.up(), draft.down());

        assertThat(new Migrator(deployDb, EngineOptions.defaults()).deploy(folder.read()).applied()).hasSize(1);

        try (Connection c = runtimeDb.connect(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO \"Note\" (body) VALUES ('written by the runtime role')");
            st.execute("UPDATE \"Note\" SET body = 'changed'");
            assertThatThrownBy(() -> st.execute("CREATE TABLE sneaky (id int)")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> st.execute("DROP INDEX \"Note_body_idx\"")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("must be owner");
        }
        assertThat(new SchemaEngine(runtimeDb, EngineOptions.defaults()).diff(target.sql(), true).inSync()).isTrue();
        assertThat(new Migrator(runtimeDb, EngineOptions.defaults()).status(folder.read()).upToDate()).isTrue();
    }

    private static JdbcSchemaDatabase as(JdbcSchemaDatabase admin, String role, String password) {
        String url = admin.jdbcUrl(admin.databaseName()).replace("jdbc:postgresql://", "postgresql://" + role + ":" + password + "@");
        return JdbcSchemaDatabase.fromUrl(url);
    }
}

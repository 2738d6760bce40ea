package org.semiont.schema.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.semiont.schema.EngineOptions;
import org.semiont.schema.JdbcSchemaDatabase;
import org.semiont.schema.SchemaEngine;
import org.semiont.schema.SchemaError;
import org.semiont.schema.SchemaException;
import org.semiont.schema.target.TargetSchema;
import org.semiont.schema.testing.TestDatabases;

class MigrationsIT {
    private static final String BLOG = """
            datasource db {
              provider = "postgresql"
              url      = env("DATABASE_URL")
            }
            model User {
              id    Int     @id @default(autoincrement())
              email String  @unique
              name  String?
              posts Post[]
            }
            model Post {
              id        Int      @id @default(autoincrement())
              title     String
              published Boolean  @default(false)
              author    User     @relation(fields: [authorId], references: [id])
              authorId  Int
              createdAt DateTime @default(now())
            }
            """;
    private static final String V1 = """
            datasource db {
              provider = "postgresql"
              url      = env("DATABASE_URL")
            }
            model Note {
              id   Int    @id
              body String
            }
            """;
    private static final String V2 = V1.replace("body String", "body String\n  language String?\n  @@index([body])");

    @TempDir
    Path dir;

    @Test
    void a_migrations_folder_made_by_prisma_deploys_and_leaves_the_database_equal_to_its_schema() throws Exception {
        writePrismaFolder();
        JdbcSchemaDatabase db = TestDatabases.newDatabase();
        Migrator migrator = new Migrator(db, EngineOptions.defaults());
        List<LocalMigration> local = new MigrationsFolder(dir).read();

        DeployResult result = migrator.deploy(local);

        assertThat(result.applied()).containsExactly("20240101120000_init", "20240102090000_add_posts");
        List<List<Object>> rows = TestDatabases.query(db, "SELECT migration_name, checksum, finished_at IS NOT NULL,"
                + " applied_steps_count FROM _prisma_migrations ORDER BY started_at");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get(1)).isEqualTo(LocalMigration.sha256(Files.readAllBytes(dir.resolve("20240101120000_init/migration.sql"))));
        assertThat(rows.get(1)).containsExactly("20240102090000_add_posts", local.get(1).checksum(), true, 2);
        TargetSchema target = target(db, BLOG);
        assertThat(migrator.declaredDifferences(target)).isEmpty();
        assertThat(migrator.draft(local, target).isEmpty()).isTrue();
        assertThat(migrator.deploy(local).applied()).isEmpty();
        assertThat(migrator.status(local).upToDate()).isTrue();
    }

    @Test
    void dev_then_deploy_then_rollback_round_trips_with_the_data_checks_of_push() {
        JdbcSchemaDatabase db = TestDatabases.newDatabase();
        Migrator migrator = new Migrator(db, EngineOptions.defaults());
        MigrationsFolder folder = new MigrationsFolder(dir);
        MigrationDraft first = migrator.draft(folder.read(), target(db, V1));
        folder.write("20260101000000_notes", first.up(), first.down());
        migrator.deploy(folder.read());
        TestDatabases.exec(db, "INSERT INTO \"Note\" VALUES (1, 'hello')");

        MigrationDraft second = migrator.draft(folder.read(), target(db, V2));
        assertThat(second.changes()).anyMatch(c -> c.contains("language"));
        assertThat(second.up()).contains("CREATE INDEX CONCURRENTLY").contains(SqlScript.ALONE_MARKER);
        assertThat(second.down()).contains("DROP COLUMN \"language\"");
        folder.write("20260102000000_language", second.up(), second.down());
        assertThat(migrator.deploy(folder.read()).applied()).containsExactly("20260102000000_language");
        TestDatabases.exec(db, "UPDATE \"Note\" SET language = 'en'");
        assertThat(migrator.draft(folder.read(), target(db, V2)).isEmpty()).isTrue();

        RollbackResult refused = migrator.rollback(folder.read(), Optional.empty(), false, List.of("public"));
        assertThat(refused.applied()).isFalse();
        assertThat(refused.warnings()).extracting(f -> f.message())
                .containsExactly("You are about to drop the column `language` on the `Note` table, which still contains 1 non-null values.");
        assertThat(TestDatabases.count(db, "SELECT count(language) FROM \"Note\"")).isEqualTo(1);

        RollbackResult done = migrator.rollback(folder.read(), Optional.empty(), true, List.of("public"));
        assertThat(done.applied()).isTrue();
        assertThat(done.migrations()).containsExactly("20260102000000_language");
        assertThat(TestDatabases.count(db, "SELECT count(*) FROM information_schema.columns WHERE column_name = 'language'")).isZero();
        assertThat(TestDatabases.count(db, "SELECT count(*) FROM \"Note\"")).isEqualTo(1);
        assertThat(migrator.status(folder.read()).pending()).containsExactly("20260102000000_language");

        assertThat(migrator.deploy(folder.read()).applied()).containsExactly("20260102000000_language");
        assertThat(migrator.declaredDifferences(target(db, V2))).isEmpty();
        RollbackResult all = migrator.rollback(folder.read(), Optional.of("20260101000000_notes"), true, List.of("public"));
        assertThat(all.migrations()).containsExactly("20260102000000_language");
    }

    @Test
    void a_tampered_applied_migration_is_refused_by_name_and_nothing_runs() throws Exception {
        JdbcSchemaDatabase db = TestDatabases.newDatabase();
        Migrator migrator = new Migrator(db, EngineOptions.defaults());
        MigrationsFolder folder = new MigrationsFolder(dir);
        folder.write("1_notes", "CREATE TABLE notes (id int PRIMARY KEY);\n", "DROP TABLE notes;\n");
        migrator.deploy(folder.read());
        Files.writeString(dir.resolve("1_notes/migration.sql"), "CREATE TABLE notes (id bigint PRIMARY KEY);\n");
        folder.write("2_more", "CREATE TABLE more (id int);\n", "DROP TABLE more;\n");

        assertThatThrownBy(() -> migrator.deploy(folder.read()))
                .isInstanceOfSatisfying(SchemaException.class, e -> assertThat(e.error()).isEqualTo(SchemaError.MIGRATION_MODIFIED))
                .hasMessageContaining("1_notes").hasMessageContaining("checksum");
        assertThat(TestDatabases.count(db, "SELECT count(*) FROM pg_tables WHERE tablename = 'more'")).isZero();
        assertThat(migrator.status(folder.read()).modified()).containsExactly("1_notes");
    }

    @Test
    void a_failed_migration_is_recorded_and_blocks_deploys_until_resolved() {
        JdbcSchemaDatabase db = TestDatabases.newDatabase();
        Migrator migrator = new Migrator(db, EngineOptions.defaults());
        MigrationsFolder folder = new MigrationsFolder(dir);
        folder.write("1_bad", "CREATE TABLE a (id int);\nINSERT INTO nowhere VALUES (1);\n", "DROP TABLE a;\n");

        assertThatThrownBy(() -> migrator.deploy(folder.read())).hasMessageContaining("1_bad").hasMessageContaining("statement 2 of 2");
        assertThat(TestDatabases.count(db, "SELECT count(*) FROM pg_tables WHERE tablename = 'a'")).isZero();
        assertThat(migrator.status(folder.read()).failed()).containsExactly("1_bad");
        assertThatThrownBy(() -> migrator.deploy(folder.read())).hasMessageContaining("failed earlier");

        migrator.resolveRolledBack("1_bad");
        assertThat(migrator.status(folder.read()).pending()).containsExactly("1_bad");
    }

    @Test
    void two_deploys_at_once_apply_each_migration_once() throws Exception {
        JdbcSchemaDatabase db = TestDatabases.newDatabase();
        MigrationsFolder folder = new MigrationsFolder(dir);
        folder.write("1_a", "CREATE TABLE a (id int);\nSELECT pg_sleep(0.3);\n", "DROP TABLE a;\n");
        folder.write("2_b", "CREATE TABLE b (id int);\nINSERT INTO a VALUES (1);\n", "DROP TABLE b;\n");
        List<LocalMigration> local = folder.read();
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<DeployResult>> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            runs.add(CompletableFuture.supplyAsync(() -> {
                await(go);
                return new Migrator(db, EngineOptions.defaults()).deploy(local);
            }));
        }
        go.countDown();
        List<String> applied = new ArrayList<>();
        for (CompletableFuture<DeployResult> run : runs) {
            applied.addAll(run.get().applied());
        }
        assertThat(applied).containsExactlyInAnyOrder("1_a", "2_b");
        assertThat(TestDatabases.count(db, "SELECT count(*) FROM _prisma_migrations")).isEqualTo(2);
        assertThat(TestDatabases.count(db, "SELECT count(*) FROM a")).isEqualTo(1);
    }

    @Test
    void a_baseline_records_the_existing_schema_as_the_first_migration() {
        JdbcSchemaDatabase db = TestDatabases.newDatabase();
        SchemaEngine engine = new SchemaEngine(db, EngineOptions.defaults());
        engine.push("schema.prisma", V1, org.semiont.schema.PushOptions.safe());
        Migrator migrator = new Migrator(db, EngineOptions.defaults());
        MigrationsFolder folder = new MigrationsFolder(dir);

        LocalMigration baseline = migrator.baseline(folder, target(db, V1), "0_init");

        assertThat(Files.exists(dir.resolve("0_init/migration.sql"))).isTrue();
        assertThat(Files.exists(dir.resolve(MigrationsFolder.LOCK_FILE))).isTrue();
        assertThat(migrator.status(folder.read()).applied()).containsExactly(baseline.name());
        assertThat(migrator.deploy(folder.read()).applied()).isEmpty();
        assertThat(migrator.draft(folder.read(), target(db, V1)).isEmpty()).isTrue();
    }

    private static TargetSchema target(JdbcSchemaDatabase db, String psl) {
        return new SchemaEngine(db, EngineOptions.defaults()).target("schema.prisma", psl);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Written as Prisma Migrate 7 writes them for BLOG, one model per migration. */
    private void writePrismaFolder() throws Exception {
        Files.writeString(dir.resolve("migration_lock.toml"), "# Prisma Migrate lock file\nprovider = \"postgresql\"\n");
        write("20240101120000_init", """
                -- CreateTable
                CREATE TABLE "User" (
                    "id" SERIAL NOT NULL,
                    "email" TEXT NOT NULL,
                    "name" TEXT,

                    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
                );

                -- CreateIndex
                CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
                """);
        write("20240102090000_add_posts", """
                -- CreateTable
                CREATE TABLE "Post" (
                    "id" SERIAL NOT NULL,
                    "title" TEXT NOT NULL,
                    "published" BOOLEAN NOT NULL DEFAULT false,
                    "authorId" INTEGER NOT NULL,
                    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

                    CONSTRAINT "Post_pkey" PRIMARY KEY ("id")
                );

                -- AddForeignKey
                ALTER TABLE "Post" ADD CONSTRAINT "Post_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
                """);
    }

    private void write(String name, String sql) throws Exception {
        Files.createDirectories(dir.resolve(name));
        Files.writeString(dir.resolve(name).resolve("migration.sql"), sql, StandardCharsets.UTF_8);
    }
}

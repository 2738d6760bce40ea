package org.semiont.cli.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.semiont.cli.db.InProcess.run;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.semiont.cli.db.InProcess.Run;

class MigrateCommandsIT {
    private static final String V1 = """
            datasource db {
              provider = "postgresql"
              url      = env("DATABASE_URL")
            }

            model User {
              id    Int     @id @default(autoincrement())
              email String  @unique
              name  String?
            }
            """;
    private static final String V2 = V1.replace("  name  String?\n", "  name  String?\n  bio   String?\n");
    private static EmbeddedPostgres pg;
    private static int counter;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        // as in DbCommandsIT: the packaged jar's manifest lists every binaries archive twice; take the first copy
        pg = InProcess.postgres();
    }

    @AfterAll
    static void stop() throws Exception {
        pg.close();
    }

    private Run migrate(String verb, Path schema, String url, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("migrate", verb, "--schema", schema.toString(), "--url", url));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    @Test
    void status_exits_0_when_up_to_date_and_5_when_pending_changed_or_behind_the_schema() throws Exception {
        String url = "postgresql://postgres:postgres@localhost:" + pg.getPort() + "/mig" + (++counter);
        Path schema = Files.writeString(dir.resolve("schema.prisma"), V1);

        Run dev = migrate("dev", schema, url, "--name", "create users");
        assertThat(dev.exit()).as(dev.err()).isZero();
        assertThat(dev.out()).contains("create table `User`").contains("migration.sql,down.sql");
        Path migration = onlyMigration("_create_users");
        assertThat(Files.exists(dir.resolve("migrations/migration_lock.toml"))).isTrue();

        Run pending = migrate("status", schema, url);
        assertThat(pending.exit()).as(pending.err()).isEqualTo(5);
        assertThat(pending.out()).contains("Pending").contains(migration.getFileName().toString());

        Run deploy = migrate("deploy", schema, url);
        assertThat(deploy.exit()).as(deploy.err()).isZero();
        assertThat(deploy.out()).contains("Applied 1 migration(s)");
        assertThat(migrate("status", schema, url).exit()).isZero();
        assertThat(migrate("deploy", schema, url).out()).contains("No pending migrations");

        Files.writeString(schema, V2);
        Run behind = migrate("status", schema, url);
        assertThat(behind.exit()).isEqualTo(5);
        assertThat(behind.out()).contains("add column `bio`");
        assertThat(migrate("diff", schema, url).out()).contains("ADD COLUMN \"bio\" TEXT");

        Files.writeString(migration.resolve("migration.sql"), "-- edited\n" + Files.readString(migration.resolve("migration.sql")));
        Run changed = migrate("status", schema, url);
        assertThat(changed.exit()).isEqualTo(5);
        assertThat(changed.out()).contains("checksum mismatch").contains(migration.getFileName().toString());
        Run refused = migrate("deploy", schema, url);
        assertThat(refused.exit()).isEqualTo(5);
        assertThat(refused.err()).contains("Refusing to deploy").contains(migration.getFileName().toString());
    }

    @Test
    void rollback_asks_for_accept_data_loss_with_exit_3_then_rolls_back_and_deploy_reapplies() throws Exception {
        String url = "postgresql://postgres:postgres@localhost:" + pg.getPort() + "/mig" + (++counter);
        Path schema = Files.writeString(dir.resolve("schema.prisma"), V1);
        assertThat(migrate("dev", schema, url, "--name", "init").exit()).isZero();
        Thread.sleep(1100); // the folder names carry seconds
        Files.writeString(schema, V2);
        assertThat(migrate("dev", schema, url, "--name", "bio").exit()).isZero();
        assertThat(migrate("deploy", schema, url).exit()).isZero();
        sql(url, "INSERT INTO \"User\"(email, bio) VALUES ('a@x', 'hello')");

        Run refused = migrate("rollback", schema, url);
        assertThat(refused.exit()).as(refused.err()).isEqualTo(3);
        assertThat(refused.out()).contains("drop the column `bio` on the `User` table, which still contains 1 non-null values")
                .contains("--accept-data-loss");

        Run done = migrate("rollback", schema, url, "--accept-data-loss");
        assertThat(done.exit()).as(done.err()).isZero();
        assertThat(done.out()).contains("Rolled back").contains("_bio");
        assertThat(migrate("status", schema, url).exit()).isEqualTo(5);
        assertThat(migrate("deploy", schema, url).exit()).isZero();
        assertThat(migrate("status", schema, url).exit()).isZero();
    }

    @Test
    void baseline_records_a_pushed_database_and_resolve_needs_exactly_one_choice() throws Exception {
        String url = "postgresql://postgres:postgres@localhost:" + pg.getPort() + "/mig" + (++counter);
        Path schema = Files.writeString(dir.resolve("schema.prisma"), V1);
        assertThat(run("db", "push", "--schema", schema.toString(), "--url", url).exit()).isZero();

        Run baseline = migrate("baseline", schema, url);
        assertThat(baseline.exit()).as(baseline.err()).isZero();
        assertThat(dir.resolve("migrations/0_init/migration.sql")).exists();
        assertThat(migrate("status", schema, url).exit()).isZero();
        assertThat(migrate("baseline", schema, url).exit()).isEqualTo(5);
        assertThat(migrate("resolve", schema, url).exit()).isEqualTo(2);
        assertThat(migrate("resolve", schema, url, "--applied", "0_init").exit()).isEqualTo(5);
        assertThat(migrate("resolve", schema, url, "--applied", "nope").exit()).isEqualTo(2);
    }

    private Path onlyMigration(String suffix) throws Exception {
        try (Stream<Path> folders = Files.list(dir.resolve("migrations"))) {
            List<Path> found = folders.filter(p -> p.getFileName().toString().endsWith(suffix)).toList();
            assertThat(found).hasSize(1);
            assertThat(found.get(0).getFileName().toString()).matches("\\d{14}" + suffix);
            return found.get(0);
        }
    }

    private static void sql(String url, String statement) throws Exception {
        var db = org.semiont.schema.JdbcSchemaDatabase.fromUrl(url);
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute(statement);
        }
    }
}

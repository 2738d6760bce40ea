package org.semiont.cli.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.semiont.cli.db.InProcess.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.semiont.cli.db.InProcess.Run;

class DbCommandsIT {
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
    private static EmbeddedPostgres pg;
    private static int counter;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        pg = InProcess.postgres();
    }

    @AfterAll
    static void stop() throws Exception {
        pg.close();
    }

    private static String newUrl() {
        return "postgresql://postgres:postgres@localhost:" + pg.getPort() + "/cli" + (++counter);
    }

    private Path schema(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private static void sql(String url, String statement) throws Exception {
        var db = org.semiont.schema.JdbcSchemaDatabase.fromUrl(url);
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute(statement);
        }
    }

    @Test
    void push_creates_the_database_applies_the_schema_and_a_second_push_is_in_sync() throws Exception {
        String url = newUrl();
        Path v1 = schema("v1.prisma", V1);

        Run first = run("db", "push", "--schema", v1.toString(), "--url", url);
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).contains("create table `User`").contains("Your database is now in sync with the schema. Done in");

        Run second = run("db", "push", "--schema", v1.toString(), "--url", url);
        assertThat(second.exit()).isZero();
        assertThat(second.out()).contains("already in sync");
        assertThat(run("db", "status", "--schema", v1.toString(), "--url", url).exit()).isZero();
    }

    @Test
    void data_loss_exits_3_with_the_command_to_proceed_and_json_follows_the_contract() throws Exception {
        String url = newUrl();
        Path v1 = schema("v1.prisma", V1);
        Path v2 = schema("v2.prisma", V1.replace("  name  String?\n", ""));
        assertThat(run("db", "push", "--schema", v1.toString(), "--url", url).exit()).isZero();
        sql(url, "INSERT INTO \"User\"(email, name) VALUES ('a@x', 'Ann')");

        Run refused = run("db", "push", "--schema", v2.toString(), "--url", url);
        assertThat(refused.exit()).isEqualTo(3);
        assertThat(refused.out()).contains("  • You are about to drop the column `name` on the `User` table, which still contains 1 non-null values.")
                .contains("semiont db push --accept-data-loss --schema " + v2)
                .doesNotContain(":postgres@");

        Run json = run("db", "push", "--schema", v2.toString(), "--url", url, "--json");
        JsonNode node = new ObjectMapper().readTree(json.out());
        assertThat(json.exit()).isEqualTo(3);
        assertThat(node.get("applied").asBoolean()).isFalse();
        assertThat(node.get("statements").get(0).asText()).isEqualTo("ALTER TABLE \"public\".\"User\" DROP COLUMN \"name\"");
        assertThat(node.get("warnings").get(0).get("code").asText()).isEqualTo("NonEmptyColumnDrop");
        assertThat(node.get("unexecutable").size()).isZero();

        assertThat(run("db", "status", "--schema", v2.toString(), "--url", url).exit()).isEqualTo(5);
        assertThat(run("db", "push", "--schema", v2.toString(), "--url", url, "--accept-data-loss").exit()).isZero();
        assertThat(run("db", "status", "--schema", v2.toString(), "--url", url).exit()).isZero();
    }

    @Test
    void unexecutable_changes_exit_4_and_force_reset_applies_them() throws Exception {
        String url = newUrl();
        Path v1 = schema("v1.prisma", V1);
        Path v2 = schema("v2.prisma", V1.replace("name  String?", "name  String"));
        run("db", "push", "--schema", v1.toString(), "--url", url);
        sql(url, "INSERT INTO \"User\"(email) VALUES ('a@x')");

        Run refused = run("db", "push", "--schema", v2.toString(), "--url", url);
        assertThat(refused.exit()).isEqualTo(4);
        assertThat(refused.out()).contains("Made the column `name` on table `User` required, but there are 1 existing NULL values.")
                .contains("--force-reset");

        assertThat(run("db", "push", "--schema", v2.toString(), "--url", url, "--force-reset").exit()).isZero();
        assertThat(run("db", "status", "--schema", v2.toString(), "--url", url).exit()).isZero();
    }

    @Test
    void an_invalid_schema_exits_2_with_file_line_and_column() throws Exception {
        Path bad = schema("bad.prisma", V1.replace("String  @unique", "Strin  @unique"));

        Run result = run("db", "push", "--schema", bad.toString(), "--url", newUrl());

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("bad.prisma:").contains("Strin");

        Path latin1 = dir.resolve("latin1.prisma");
        Files.write(latin1, "// Gr\u00fc\u00dfe\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        Run unreadable = run("db", "push", "--schema", latin1.toString(), "--url", newUrl());
        assertThat(unreadable.exit()).isEqualTo(2);
        assertThat(unreadable.err()).contains("latin1.prisma is not UTF-8 text");

        Run empty = run("db", "push", "--schema", schema("empty.prisma", "\n").toString(), "--url", newUrl());
        assertThat(empty.exit()).as("an emptied file would drop every table").isEqualTo(2);
        assertThat(empty.err()).contains("declares nothing");
    }

    @Test
    void diff_prints_sql_pull_prints_a_schema_and_reset_needs_force() throws Exception {
        String url = newUrl();
        Path v1 = schema("v1.prisma", V1);
        sql(url.replaceAll("/cli\\d+$", "/postgres"), "CREATE DATABASE " + url.substring(url.lastIndexOf('/') + 1));

        Run diff = run("db", "diff", "--schema", v1.toString(), "--url", url);
        assertThat(diff.exit()).isZero();
        assertThat(diff.out()).contains("CREATE TABLE \"public\".\"User\"");

        run("db", "push", "--schema", v1.toString(), "--url", url);
        Run pull = run("db", "pull", "--print", "--url", url, "--schema", dir.resolve("none.prisma").toString());
        assertThat(pull.exit()).as(pull.err()).isZero();
        assertThat(pull.out()).contains("model User").contains("email");

        assertThat(run("db", "reset", "--schema", v1.toString(), "--url", url).exit()).isEqualTo(2);
        assertThat(run("db", "reset", "--force", "--schema", v1.toString(), "--url", url).exit()).isZero();
    }

    @Test
    void without_schema_the_bundled_application_schema_is_pushed() throws Exception {
        String url = newUrl();

        Run push = run("db", "push", "--url", url, "--json");

        assertThat(push.exit()).as(push.err()).isZero();
        assertThat(new ObjectMapper().readTree(push.out()).get("statements").toString()).contains("users_pkey");
        assertThat(run("db", "status", "--url", url).exit()).isZero();
    }

    @Test
    void status_lists_foreign_objects_apart_and_a_declared_only_push_leaves_them_while_a_full_push_drops_them() throws Exception {
        String url = newUrl();
        Path v1 = schema("v1.prisma", V1);
        assertThat(run("db", "push", "--schema", v1.toString(), "--url", url).exit()).isZero();
        sql(url, "CREATE TABLE team_notes (id int)");

        Run status = run("db", "status", "--schema", v1.toString(), "--url", url);
        assertThat(status.exit()).isEqualTo(5);
        assertThat(status.out()).contains("Foreign objects").contains("- table `team_notes`");
        assertThat(run("db", "status", "--schema", v1.toString(), "--url", url, "--declared-only").exit()).isZero();
        Run declared = run("db", "push", "--schema", v1.toString(), "--url", url, "--declared-only");
        assertThat(declared.exit()).as(declared.err()).isZero();
        assertThat(run("db", "status", "--schema", v1.toString(), "--url", url).out()).contains("team_notes");
        assertThat(run("db", "push", "--schema", v1.toString(), "--url", url).exit()).isZero();
        assertThat(run("db", "status", "--schema", v1.toString(), "--url", url).exit()).isZero();
    }

    @Test
    void every_db_verb_has_help() {
        for (String verb : new String[] {"push", "status", "pull", "reset", "diff"}) {
            Run help = run("db", verb, "--help");
            assertThat(help.exit()).isZero();
            assertThat(help.out()).contains("--url").contains("--schema");
        }
    }
}

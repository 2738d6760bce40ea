package org.semiont.cli.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.semiont.cli.db.InProcess.run;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.semiont.cli.db.InProcess.Run;

/** {@code db sql -c/-f} (and {@code psql}) on a real PostgreSQL: output, read-only default, psql's exit codes. */
class DbSqlIT {
    private static EmbeddedPostgres pg;
    private static String url;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        pg = InProcess.postgres();
        url = "postgresql://postgres:postgres@localhost:" + pg.getPort() + "/postgres";
    }

    @AfterAll
    static void stop() throws Exception {
        pg.close();
    }

    @Test
    void a_query_prints_an_aligned_table_and_exits_0() {
        Run r = run("db", "sql", "--url", url, "-c", "SELECT 1 AS id, 'Ada' AS name UNION ALL SELECT 22, NULL ORDER BY 1");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains(" id | name\n----+------\n 1  | Ada\n 22 |\n(2 rows)");
    }

    @Test
    void writes_are_refused_without_write_and_round_trip_with_it() {
        Run refused = run("db", "sql", "--url", url, "-c", "CREATE TABLE notes(id int primary key, body text)");
        assertThat(refused.exit()).isEqualTo(3);
        assertThat(refused.err()).contains("read-only transaction");

        Run written = run("db", "sql", "--url", url, "--write", "-c", "CREATE TABLE notes(id int primary key, body text)",
                "-c", "INSERT INTO notes VALUES (1, 'semi;colon'), (2, $$it's$$)");
        assertThat(written.exit()).as(written.err()).isZero();
        assertThat(written.err()).contains("warning: writes allowed").contains("projections rebuild");
        assertThat(written.out()).contains("CREATE").contains("INSERT 2");

        Run insert = run("psql", "--url", url, "-c", "INSERT INTO notes VALUES (3, 'no')");
        assertThat(insert.exit()).isEqualTo(3);
        assertThat(insert.err()).contains("cannot execute INSERT in a read-only transaction");
        Run read = run("psql", "--url", url, "-c", "SELECT body FROM notes ORDER BY id");
        assertThat(read.exit()).as(read.err()).isZero();
        assertThat(read.out()).contains("semi;colon").contains("it's").contains("(2 rows)").doesNotContain("no\n");
    }

    @Test
    void a_script_stops_at_its_first_error_with_exit_3() throws Exception {
        Path script = dir.resolve("script.sql");
        Files.writeString(script, """
                -- a comment; not a statement
                SELECT 'before' AS step;
                SELECT * FROM no_such_table;
                SELECT 'after' AS step;
                """);
        Run r = run("db", "sql", "--url", url, "-f", script.toString());
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.out()).contains("before").doesNotContain("after");
        assertThat(r.err()).contains("ERROR:").contains("no_such_table");
    }

    @Test
    void backslash_commands_describe_tables_and_switch_display() throws Exception {
        assertThat(run("db", "sql", "--url", url, "--write", "-c",
                "CREATE TABLE IF NOT EXISTS shelf(id int primary key, title text not null default 'untitled')").exit()).isZero();
        Path script = dir.resolve("meta.sql");
        Files.writeString(script, """
                \\dt
                \\d shelf
                \\x
                \\timing on
                SELECT 7 AS seven, 'x' AS letter;
                \\q
                SELECT 'never';
                """);
        Run r = run("db", "sql", "--url", url, "-f", script.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("List of tables").contains(" public | shelf")
                .contains("Table \"public.shelf\"").contains(" title  | text    | not null | 'untitled'::text")
                .contains("\"shelf_pkey\" CREATE UNIQUE INDEX shelf_pkey")
                .contains("Expanded display is on.").contains("-[ RECORD 1 ]").contains("seven  | 7").contains("Time: ")
                .doesNotContain("never");
        Run unknown = run("db", "sql", "--url", url, "-c", "\\d nowhere");
        assertThat(unknown.exit()).isEqualTo(3);
        assertThat(unknown.err()).contains("Did not find any relation named \"nowhere\"");
    }

    @Test
    void usage_missing_files_and_unreachable_databases_have_psql_exit_codes() throws Exception {
        assertThat(run("db", "sql", "--url", url, "-f", dir.resolve("missing.sql").toString()).exit()).isEqualTo(1);
        assertThat(run("db", "sql", "--url", url, "-c", "SELECT 1", "-f", "x.sql").exit()).isEqualTo(2);
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        Run down = run("db", "sql", "--url", "postgresql://postgres@127.0.0.1:" + closed + "/postgres", "-c", "SELECT 1");
        assertThat(down.exit()).isEqualTo(2);
        assertThat(down.err()).contains("cannot connect");

        Run ended = run("db", "sql", "--url", url, "-c", "SELECT pg_terminate_backend(pg_backend_pid())", "-c", "SELECT 'after'");
        assertThat(ended.exit()).isEqualTo(2);
        assertThat(ended.err()).contains("FATAL:  terminating connection due to administrator command");
        assertThat(ended.out()).doesNotContain("after");
    }
}

package org.semiont.schema.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlScriptTest {

    @Test
    void statements_are_cut_at_semicolons_outside_quotes_comments_and_dollar_quotes() {
        SqlScript script = SqlScript.parse("""
                -- CreateTable
                CREATE TABLE "a;b" (x text DEFAULT 'it''s; here');
                /* a; comment */ INSERT INTO "a;b" VALUES (E'back\\'slash;');
                CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql;
                """);
        assertThat(script.segments()).hasSize(1);
        assertThat(script.segments().get(0).statements()).containsExactly(
                "CREATE TABLE \"a;b\" (x text DEFAULT 'it''s; here')",
                "/* a; comment */ INSERT INTO \"a;b\" VALUES (E'back\\'slash;')",
                "CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql");
        assertThat(script.transactional()).isTrue();
    }

    @Test
    void concurrent_index_builds_and_marked_statements_run_alone_between_transactional_runs() {
        SqlScript script = SqlScript.parse("""
                ALTER TABLE t ADD COLUMN a int;
                CREATE INDEX CONCURRENTLY "t_a_idx" ON t (a);
                ALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY (a) REFERENCES u (id) NOT VALID;
                -- semiont:alone (runs outside a transaction)
                ALTER TABLE t VALIDATE CONSTRAINT fk;
                """);
        assertThat(script.segments()).extracting(SqlScript.Segment::alone).containsExactly(false, true, false, true);
        assertThat(script.statementCount()).isEqualTo(4);
        assertThat(script.transactional()).isFalse();
    }

    @Test
    void a_file_of_comments_has_no_statements() {
        assertThat(SqlScript.parse("-- This is an empty migration.\n").segments()).isEmpty();
    }

    @Test
    void a_files_own_begin_and_commit_are_dropped_so_the_runner_keeps_its_transaction() {
        SqlScript script = SqlScript.parse("""
                -- AlterEnum
                BEGIN;
                CREATE TYPE "Role_new" AS ENUM ('USER');
                ALTER TYPE "Role_new" RENAME TO "Role";
                COMMIT;
                """);
        assertThat(script.segments()).hasSize(1);
        assertThat(script.segments().get(0).statements()).containsExactly("CREATE TYPE \"Role_new\" AS ENUM ('USER')",
                "ALTER TYPE \"Role_new\" RENAME TO \"Role\"");
    }
}

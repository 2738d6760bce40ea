package org.semiont.ops.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScriptReaderTest {
    @Test
    void semicolons_inside_quotes_comments_and_dollar_quotes_do_not_end_a_statement() {
        List<Item> items = ScriptReader.read("""
                SELECT 'a;b', "c;d" -- e;f
                ;
                /* g; */ SELECT 'it''s; here';
                CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql;
                SELECT $$x;y$$""");
        assertThat(items).extracting(i -> ((Item.Sql) i).text()).containsExactly(
                "SELECT 'a;b', \"c;d\" -- e;f\n;",
                "/* g; */ SELECT 'it''s; here';",
                "CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql;",
                "SELECT $$x;y$$");
    }

    @Test
    void a_backslash_line_outside_a_statement_is_a_command_with_its_argument() {
        assertThat(ScriptReader.read("\\d  documents \n\\x\nSELECT 1;"))
                .containsExactly(new Item.Meta("d", "documents"), new Item.Meta("x", ""), new Item.Sql("SELECT 1;"));
    }

    @Test
    void a_statement_is_pending_until_its_semicolon_and_comments_alone_are_nothing() {
        ScriptReader r = new ScriptReader();
        assertThat(r.feed("-- only a comment")).isEmpty();
        assertThat(r.pending()).isFalse();
        assertThat(r.feed("SELECT 'open")).isEmpty();
        assertThat(r.pending()).isTrue();
        assertThat(r.feed("quote';")).containsExactly(new Item.Sql("-- only a comment\nSELECT 'open\nquote';"));
        assertThat(r.pending()).isFalse();
        assertThat(r.finish()).isEmpty();
    }

    @Test
    void a_dollar_sign_inside_an_identifier_is_not_a_quote() {
        assertThat(ScriptReader.read("SELECT a$1$ FROM t; SELECT 2;")).hasSize(2);
    }
}

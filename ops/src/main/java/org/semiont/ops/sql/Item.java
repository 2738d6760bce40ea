package org.semiont.ops.sql;

/** One unit of shell input: an SQL statement, or a backslash command such as {@code \d documents}. */
public sealed interface Item permits Item.Sql, Item.Meta {
    record Sql(String text) implements Item {
    }

    /** @param name without the backslash ({@code d}, {@code dt}, {@code x}); {@code argument} trimmed, maybe empty */
    record Meta(String name, String argument) implements Item {
        static Meta parse(String line) {
            String body = line.strip().substring(1).strip();
            int space = body.indexOf(' ');
            return space < 0 ? new Meta(body, "") : new Meta(body.substring(0, space), body.substring(space + 1).strip());
        }
    }
}

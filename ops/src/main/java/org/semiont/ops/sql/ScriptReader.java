package org.semiont.ops.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts input into {@link Item}s as psql does: a statement ends at a {@code ;} outside quotes ({@code '…'},
 * {@code "…"}, {@code $tag$…$tag$}) and comments ({@code --}, {@code /* … *}{@code /}); a line starting with a
 * backslash, outside a statement, is a backslash command. Fed line by line, so the interactive shell knows when a
 * statement continues. Pure.
 */
public final class ScriptReader {
    private final StringBuilder buffer = new StringBuilder();
    private Quote quote = Quote.NONE;
    private String dollarTag = "";

    private enum Quote { NONE, SINGLE, DOUBLE, DOLLAR, BLOCK_COMMENT }

    /** The whole of {@code text} as items; a last statement without {@code ;} counts too. */
    public static List<Item> read(String text) {
        ScriptReader r = new ScriptReader();
        List<Item> items = new ArrayList<>();
        text.lines().forEach(line -> items.addAll(r.feed(line)));
        r.finish().ifPresent(items::add);
        return items;
    }

    /** The items one more line completes. */
    public List<Item> feed(String line) {
        List<Item> out = new ArrayList<>();
        if (buffer.toString().isBlank() && quote == Quote.NONE && line.stripLeading().startsWith("\\")) {
            buffer.setLength(0);
            out.add(Item.Meta.parse(line));
            return out;
        }
        int i = 0;
        while (i < line.length()) {
            i = step(line, i, out);
        }
        buffer.append('\n');
        return out;
    }

    private int step(String line, int i, List<Item> out) {
        char c = line.charAt(i);
        switch (quote) {
            case SINGLE:
            case DOUBLE:
                buffer.append(c);
                if (c == (quote == Quote.SINGLE ? '\'' : '"')) {
                    quote = Quote.NONE; // a doubled quote closes and reopens: same text, same outcome
                }
                return i + 1;
            case DOLLAR:
                if (line.startsWith(dollarTag, i)) {
                    buffer.append(dollarTag);
                    quote = Quote.NONE;
                    return i + dollarTag.length();
                }
                buffer.append(c);
                return i + 1;
            case BLOCK_COMMENT:
                if (line.startsWith("*/", i)) {
                    buffer.append("*/");
                    quote = Quote.NONE;
                    return i + 2;
                }
                buffer.append(c);
                return i + 1;
            default:
                return plain(line, i, out);
        }
    }

    private int plain(String line, int i, List<Item> out) {
        char c = line.charAt(i);
        if (c == '-' && line.startsWith("--", i)) {
            buffer.append(line, i, line.length());
            return line.length();
        }
        if (c == '/' && line.startsWith("/*", i)) {
            buffer.append("/*");
            quote = Quote.BLOCK_COMMENT;
            return i + 2;
        }
        if (c == '\'' || c == '"') {
            quote = c == '\'' ? Quote.SINGLE : Quote.DOUBLE;
        } else if (c == '$') {
            int end = line.indexOf('$', i + 1);
            String tag = end < 0 ? "" : line.substring(i, end + 1);
            if (tag.matches("\\$[A-Za-z_]?[A-Za-z_0-9]*\\$") && !precededByIdentifier(line, i)) {
                buffer.append(tag);
                quote = Quote.DOLLAR;
                dollarTag = tag;
                return end + 1;
            }
        } else if (c == ';') {
            buffer.append(';');
            String statement = buffer.toString().strip();
            buffer.setLength(0);
            if (!statement.equals(";")) {
                out.add(new Item.Sql(statement));
            }
            return i + 1;
        }
        buffer.append(c);
        return i + 1;
    }

    private static boolean precededByIdentifier(String line, int i) {
        return i > 0 && (Character.isLetterOrDigit(line.charAt(i - 1)) || line.charAt(i - 1) == '_');
    }

    /** True while a statement has begun and not ended (the prompt shows it). */
    public boolean pending() {
        return quote != Quote.NONE || !withoutComments(buffer.toString()).isBlank();
    }

    /** What is left at the end of input, as a last statement, unless it is only blanks and comments. */
    public java.util.Optional<Item> finish() {
        String rest = buffer.toString().strip();
        buffer.setLength(0);
        quote = Quote.NONE;
        return withoutComments(rest).isBlank() ? java.util.Optional.empty() : java.util.Optional.of(new Item.Sql(rest));
    }

    /** Forgets a statement begun (the interactive shell's Ctrl-C). */
    public void reset() {
        buffer.setLength(0);
        quote = Quote.NONE;
    }

    private static String withoutComments(String text) {
        return text.replaceAll("(?m)--.*$", "").replaceAll("(?s)/\\*.*?\\*/", "");
    }
}

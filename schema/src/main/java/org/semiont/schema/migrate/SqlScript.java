package org.semiont.schema.migrate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A migration file cut into statements, grouped into the segments they run in: runs of ordinary statements share one
 * transaction (the file's own BEGIN and COMMIT are dropped: the runner opens and commits the transactions); a
 * statement PostgreSQL refuses inside a transaction block ({@code CREATE INDEX CONCURRENTLY},
 * {@code VACUUM}, …), or one preceded by the comment {@value #ALONE_MARKER}, runs alone in autocommit. Quotes, dollar
 * quotes and comments are respected when cutting. Pure: no I/O.
 */
public record SqlScript(List<Segment> segments) {
    /** Written before each statement that must run outside a transaction. */
    public static final String ALONE_MARKER = "-- semiont:alone";
    private static final Pattern MUST_RUN_ALONE = Pattern.compile(
            "^(CREATE\\s+(UNIQUE\\s+)?INDEX\\s+CONCURRENTLY|DROP\\s+INDEX\\s+CONCURRENTLY|REINDEX\\s+.*CONCURRENTLY"
                    + "|VACUUM|CREATE\\s+DATABASE|DROP\\s+DATABASE|ALTER\\s+SYSTEM|CREATE\\s+TABLESPACE|DROP\\s+TABLESPACE)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    /** A file's own transaction control (Prisma wraps enum recreation in BEGIN … COMMIT): the runner owns transactions. */
    private static final Pattern TRANSACTION_CONTROL = Pattern.compile(
            "^(BEGIN|START\\s+TRANSACTION|COMMIT|END)(\\s+(WORK|TRANSACTION))?$", Pattern.CASE_INSENSITIVE);

    public SqlScript {
        segments = List.copyOf(segments);
    }

    /** @param alone true: one statement, run in autocommit; false: statements that share a transaction */
    public record Segment(boolean alone, List<String> statements) {
        public Segment {
            statements = List.copyOf(statements);
        }
    }

    public static SqlScript parse(String text) {
        List<Segment> segments = new ArrayList<>();
        List<String> run = new ArrayList<>();
        for (Piece piece : cut(text)) {
            if (TRANSACTION_CONTROL.matcher(piece.sql()).matches()) {
                continue;
            }
            if (piece.marked() || MUST_RUN_ALONE.matcher(piece.sql()).find()) {
                flush(run, segments);
                segments.add(new Segment(true, List.of(piece.sql())));
            } else {
                run.add(piece.sql());
            }
        }
        flush(run, segments);
        return new SqlScript(segments);
    }

    public int statementCount() {
        return segments.stream().mapToInt(s -> s.statements().size()).sum();
    }

    /** Every statement runs in one transaction. */
    public boolean transactional() {
        return segments.stream().noneMatch(Segment::alone);
    }

    private static void flush(List<String> run, List<Segment> segments) {
        if (!run.isEmpty()) {
            segments.add(new Segment(false, run));
            run.clear();
        }
    }

    private record Piece(String sql, boolean marked) {
    }

    /** Statements without their trailing semicolon and the comments before them; {@code marked} by the alone marker. */
    private static List<Piece> cut(String text) {
        List<Piece> pieces = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean marked = false;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char ch = text.charAt(i);
            if (ch == '-' && i + 1 < n && text.charAt(i + 1) == '-') {
                int end = text.indexOf('\n', i);
                end = end < 0 ? n : end;
                if (text.substring(i, end).trim().toLowerCase(Locale.ROOT).startsWith(ALONE_MARKER)) {
                    marked = true;
                }
                if (current.length() > 0 && !current.toString().isBlank()) {
                    current.append(text, i, end);
                }
                i = end;
            } else if (ch == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int end = blockCommentEnd(text, i);
                current.append(text, i, end);
                i = end;
            } else if (ch == '\'' || ch == '"') {
                int end = quotedEnd(text, i, ch == '\'' && escapeString(text, i));
                current.append(text, i, end);
                i = end;
            } else if (ch == '$' && dollarTag(text, i) != null) {
                String tag = dollarTag(text, i);
                int close = text.indexOf(tag, i + tag.length());
                int end = close < 0 ? n : close + tag.length();
                current.append(text, i, end);
                i = end;
            } else if (ch == ';') {
                add(pieces, current, marked);
                marked = false;
                i++;
            } else {
                current.append(ch);
                i++;
            }
        }
        add(pieces, current, marked);
        return pieces;
    }

    private static void add(List<Piece> pieces, StringBuilder current, boolean marked) {
        String sql = current.toString().strip();
        current.setLength(0);
        if (!sql.isEmpty()) {
            pieces.add(new Piece(sql, marked));
        }
    }

    private static int blockCommentEnd(String text, int start) {
        int depth = 0;
        int i = start;
        while (i < text.length() - 1) {
            if (text.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (text.startsWith("*/", i)) {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return text.length();
    }

    private static boolean escapeString(String text, int quote) {
        return quote > 0 && (text.charAt(quote - 1) == 'E' || text.charAt(quote - 1) == 'e')
                && (quote < 2 || !Character.isLetterOrDigit(text.charAt(quote - 2)));
    }

    private static int quotedEnd(String text, int start, boolean backslashEscapes) {
        char q = text.charAt(start);
        int i = start + 1;
        while (i < text.length()) {
            char ch = text.charAt(i);
            if (backslashEscapes && ch == '\\') {
                i += 2;
            } else if (ch == q) {
                if (i + 1 < text.length() && text.charAt(i + 1) == q) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return text.length();
    }

    /** {@code $$} or {@code $tag$} starting at {@code i}, or null (a positional parameter such as {@code $1}). */
    private static String dollarTag(String text, int i) {
        if (i > 0 && (Character.isLetterOrDigit(text.charAt(i - 1)) || text.charAt(i - 1) == '_')) {
            return null;
        }
        int j = i + 1;
        while (j < text.length() && (Character.isLetterOrDigit(text.charAt(j)) || text.charAt(j) == '_')) {
            j++;
        }
        if (j >= text.length() || text.charAt(j) != '$' || (j > i + 1 && Character.isDigit(text.charAt(i + 1)))) {
            return null;
        }
        return text.substring(i, j + 1);
    }
}

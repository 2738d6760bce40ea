package org.semiont.ops.sql;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The SQL shell without its terminal: runs statements and backslash commands on one connection and prints what they
 * give to {@code out}, errors to {@code err}. The interactive loop (line editing, history) and the scripts of
 * {@code -c}/{@code -f} both feed it {@link Item}s.
 */
public final class SqlShell {
    private final Connection connection;
    private final PrintWriter out;
    private final PrintWriter err;
    private boolean expanded;
    private boolean timing;

    public SqlShell(Connection connection, PrintWriter out, PrintWriter err) {
        this.connection = connection;
        this.out = out;
        this.err = err;
    }

    /** How handling one item ended: go on, an error (printed), the connection lost (printed), or {@code \q}. */
    public enum Status { OK, ERROR, CONNECTION_LOST, QUIT }

    /** Runs a whole script, stopping at the first error (psql's ON_ERROR_STOP) or {@code \q}. */
    public Status runScript(String text) {
        for (Item item : ScriptReader.read(text)) {
            Status s = handle(item);
            if (s != Status.OK) {
                return s;
            }
        }
        return Status.OK;
    }

    public Status handle(Item item) {
        try {
            return item instanceof Item.Meta meta ? meta(meta) : sql(((Item.Sql) item).text());
        } finally {
            out.flush();
            err.flush();
        }
    }

    private Status sql(String text) {
        long start = System.nanoTime();
        try {
            List<Outcome> outcomes = new SqlRunner(connection).run(text);
            for (Outcome o : outcomes) {
                ResultPrinter.print(o, expanded).forEach(out::println);
                if (o instanceof Outcome.Rows) {
                    out.println();
                }
            }
            return Status.OK;
        } catch (SQLException e) {
            return failed(e);
        } finally {
            if (timing) {
                out.printf(java.util.Locale.ROOT, "Time: %.3f ms%n", (System.nanoTime() - start) / 1e6);
            }
        }
    }

    private Status meta(Item.Meta meta) {
        try {
            switch (meta.name()) {
                case "q":
                    return Status.QUIT;
                case "x":
                    expanded = toggle(meta.argument(), expanded);
                    out.println("Expanded display is " + (expanded ? "on." : "off."));
                    return Status.OK;
                case "timing":
                    timing = toggle(meta.argument(), timing);
                    out.println("Timing is " + (timing ? "on." : "off."));
                    return Status.OK;
                case "dt":
                    return tables(meta.argument());
                case "d":
                    return meta.argument().isEmpty() ? tables("") : describe(meta.argument());
                case "?":
                    HELP.forEach(out::println);
                    return Status.OK;
                default:
                    err.println("invalid command \\" + meta.name() + "; try \\? for help.");
                    return Status.ERROR;
            }
        } catch (SQLException e) {
            return failed(e);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return Status.ERROR;
        }
    }

    private Status tables(String pattern) throws SQLException {
        Outcome.Rows rows = new Describer(connection).tables(pattern);
        if (rows.rows().isEmpty()) {
            out.println(pattern.isEmpty() ? "Did not find any tables." : "Did not find any table named \"" + pattern + "\".");
            return Status.OK;
        }
        out.println("List of tables");
        ResultPrinter.print(rows, false).forEach(out::println);
        out.println();
        return Status.OK;
    }

    private Status describe(String name) throws SQLException {
        Optional<Describer.Described> d = new Describer(connection).table(name);
        if (d.isEmpty()) {
            err.println("Did not find any relation named \"" + name + "\".");
            return Status.ERROR;
        }
        out.println(d.get().title());
        List<String> lines = ResultPrinter.print(d.get().columns(), false);
        lines.subList(0, lines.size() - 1).forEach(out::println);
        d.get().footer().forEach(out::println);
        out.println();
        return Status.OK;
    }

    private static boolean toggle(String argument, boolean current) {
        return switch (argument.toLowerCase(java.util.Locale.ROOT)) {
            case "" -> !current;
            case "on" -> true;
            case "off" -> false;
            default -> throw new IllegalArgumentException("unrecognized value \"" + argument + "\": expected on or off");
        };
    }

    /**
     * Prints the failure as psql does ({@code ERROR:  …}, {@code FATAL:  …}); a session ended by the server
     * (SQLState class 08, or 57P01–57P03: terminated, crashed, starting) is a lost connection, not a failed statement.
     */
    private Status failed(SQLException e) {
        String text = e.getMessage() == null ? "unknown error" : e.getMessage().strip();
        java.util.regex.Matcher m = SEVERITY.matcher(text);
        err.println(m.matches() ? m.group(1) + ":  " + m.group(2) : "ERROR:  " + text);
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return state.startsWith("08") || state.matches("57P0[123]") ? Status.CONNECTION_LOST : Status.ERROR;
    }

    private static final java.util.regex.Pattern SEVERITY = java.util.regex.Pattern.compile("(?s)(ERROR|FATAL|PANIC):\\s*(.*)");

    private static final List<String> HELP = List.of(
            "  \\dt [PATTERN]   list tables (PATTERN may use * and ?)",
            "  \\d [TABLE]      describe a table (its columns, indexes, constraints); without TABLE: \\dt",
            "  \\x [on|off]     expanded display: one block per row",
            "  \\timing [on|off] show how long each statement took",
            "  \\q              quit",
            "  Statements end with ; and may span lines.");
}

package org.semiont.ops.sql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Runs one statement on the shell's connection and reads everything it returns as text (SQL NULL as {@code null}). */
final class SqlRunner {
    private final Connection connection;

    SqlRunner(Connection connection) {
        this.connection = connection;
    }

    List<Outcome> run(String sql) throws SQLException {
        List<Outcome> out = new ArrayList<>();
        try (Statement s = connection.createStatement()) {
            boolean rows = s.execute(sql);
            while (true) {
                if (rows) {
                    try (ResultSet rs = s.getResultSet()) {
                        out.add(rows(rs));
                    }
                } else {
                    long count = s.getLargeUpdateCount();
                    if (count == -1) {
                        break;
                    }
                    out.add(new Outcome.Done(tag(sql), count));
                }
                rows = s.getMoreResults();
            }
        }
        if (out.isEmpty()) {
            out.add(new Outcome.Done(tag(sql), -1));
        }
        return out;
    }

    static Outcome.Rows rows(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        List<String> columns = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            columns.add(md.getColumnLabel(i));
        }
        List<List<String>> rows = new ArrayList<>();
        while (rs.next()) {
            List<String> row = new ArrayList<>();
            for (int i = 1; i <= columns.size(); i++) {
                row.add(rs.getString(i));
            }
            rows.add(row);
        }
        return new Outcome.Rows(columns, rows);
    }

    /** The statement's first keyword, as psql's command tag starts: {@code INSERT}, {@code CREATE} … */
    static String tag(String sql) {
        String text = sql.replaceAll("(?m)--.*$", "").replaceAll("(?s)/\\*.*?\\*/", "").strip();
        int end = 0;
        while (end < text.length() && Character.isLetter(text.charAt(end))) {
            end++;
        }
        return end == 0 ? "OK" : text.substring(0, end).toUpperCase(Locale.ROOT);
    }
}

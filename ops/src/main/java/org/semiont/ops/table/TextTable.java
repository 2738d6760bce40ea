package org.semiont.ops.table;

import java.util.ArrayList;
import java.util.List;

/**
 * Rows of text as an aligned table, sized to its widest cell per column. Two looks: {@link #plain} (columns apart by
 * two spaces, for status listings) and {@link #framed} (psql's {@code a | b} with a {@code ---+---} rule). Cells are
 * shown on one line: line breaks and tabs become spaces.
 */
public final class TextTable {
    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    public TextTable(List<String> headers) {
        this.headers = List.copyOf(headers);
    }

    public TextTable add(List<String> row) {
        if (row.size() != headers.size()) {
            throw new IllegalArgumentException("a row of " + row.size() + " cells in a table of " + headers.size() + " columns");
        }
        rows.add(row.stream().map(TextTable::oneLine).toList());
        return this;
    }

    public int size() {
        return rows.size();
    }

    public List<String> plain() {
        int[] w = widths();
        List<String> out = new ArrayList<>();
        out.add(line(headers, w, "", "  ", "").stripTrailing());
        rows.forEach(r -> out.add(line(r, w, "", "  ", "").stripTrailing()));
        return out;
    }

    public List<String> framed() {
        int[] w = widths();
        List<String> out = new ArrayList<>();
        out.add(line(headers, w, " ", " | ", " ").stripTrailing());
        StringBuilder rule = new StringBuilder();
        for (int i = 0; i < w.length; i++) {
            rule.append(i == 0 ? "" : "+").append("-".repeat(w[i] + 2));
        }
        out.add(rule.toString());
        rows.forEach(r -> out.add(line(r, w, " ", " | ", " ").stripTrailing()));
        return out;
    }

    private int[] widths() {
        int[] w = new int[headers.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = headers.get(i).length();
            for (List<String> r : rows) {
                w[i] = Math.max(w[i], r.get(i).length());
            }
        }
        return w;
    }

    private static String line(List<String> cells, int[] w, String start, String between, String end) {
        StringBuilder b = new StringBuilder(start);
        for (int i = 0; i < w.length; i++) {
            if (i > 0) {
                b.append(between);
            }
            String c = cells.get(i);
            b.append(c).append(" ".repeat(w[i] - c.length()));
        }
        return b.append(end).toString();
    }

    static String oneLine(String cell) {
        return cell == null ? "" : cell.replaceAll("[\\r\\n\\t]+", " ");
    }
}

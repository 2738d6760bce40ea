package org.semiont.ops.sql;

import java.util.ArrayList;
import java.util.List;
import org.semiont.ops.table.TextTable;

/** Rows as psql prints them: an aligned table, or one block per row in expanded mode ({@code \x}). Pure. */
final class ResultPrinter {
    private ResultPrinter() {
    }

    static List<String> print(Outcome outcome, boolean expanded) {
        if (outcome instanceof Outcome.Done done) {
            return List.of(done.describe());
        }
        Outcome.Rows rows = (Outcome.Rows) outcome;
        List<String> out = expanded ? expanded(rows) : table(rows);
        out.add("(" + rows.rows().size() + (rows.rows().size() == 1 ? " row)" : " rows)"));
        return out;
    }

    private static List<String> table(Outcome.Rows rows) {
        TextTable t = new TextTable(rows.columns());
        rows.rows().forEach(r -> t.add(r.stream().map(v -> v == null ? "" : v).toList()));
        return new ArrayList<>(t.framed());
    }

    private static List<String> expanded(Outcome.Rows rows) {
        int width = rows.columns().stream().mapToInt(String::length).max().orElse(0);
        List<String> out = new ArrayList<>();
        for (int r = 0; r < rows.rows().size(); r++) {
            out.add("-[ RECORD " + (r + 1) + " ]" + "-".repeat(Math.max(0, width - 5)));
            for (int c = 0; c < rows.columns().size(); c++) {
                String value = rows.rows().get(r).get(c);
                String name = rows.columns().get(c);
                out.add((name + " ".repeat(width - name.length()) + " | " + (value == null ? "" : value)).stripTrailing());
            }
        }
        return out;
    }
}

package org.semiont.studio.browse;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.semiont.schema.sql.Table;

/** Runs a table page's query ({@link TableQuery}) in a read-only transaction. */
public final class TableReader {
    private final Transactions tx;

    public TableReader(Transactions tx) {
        this.tx = tx;
    }

    public TablePage page(Table table, TableRequest request) {
        SqlText q = TableQuery.page(table, request);
        long t0 = System.nanoTime();
        List<String> names = new ArrayList<>(table.columns().stream().map(c -> c.name()).toList());
        if (table.primaryKey() == null) {
            names.add("ctid");
        }
        List<List<String>> rows = tx.read(c -> {
            List<List<String>> out = new ArrayList<>();
            try (PreparedStatement ps = Transactions.prepare(c, q); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<String> row = new ArrayList<>(names.size());
                    for (int i = 1; i <= names.size(); i++) {
                        row.add(rs.getString(i));
                    }
                    out.add(row);
                }
            }
            return out;
        });
        String next = null;
        if (rows.size() > request.limit()) {
            rows = rows.subList(0, request.limit());
            next = Cursors.encode(TableQuery.cursorOf(table, request.sort(), names, rows.get(rows.size() - 1)));
        }
        List<String> keys = new ArrayList<>();
        for (List<String> row : rows) {
            keys.add(table.primaryKey() == null ? null : Cursors.encode(table.primaryKey().columns().stream()
                    .map(k -> row.get(names.indexOf(k))).toList()));
        }
        double ms = (System.nanoTime() - t0) / 1e6;
        return new TablePage(names, rows, keys, next, List.of(q), ms);
    }
}

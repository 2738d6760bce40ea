package org.semiont.studio.browse;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.semiont.schema.sql.Identifiers;
import org.semiont.schema.sql.Table;
import org.semiont.studio.StudioError;
import org.semiont.studio.StudioException;

/** Reads one row by its primary key values. */
public final class RowReader {
    private final Transactions tx;

    public RowReader(Transactions tx) {
        this.tx = tx;
    }

    public static SqlText byKey(Table table, List<String> key) {
        if (table.primaryKey() == null) {
            throw new StudioException(StudioError.INVALID_REQUEST, "Model " + table.name() + " has no primary key: its rows "
                    + "are listed, not opened one by one");
        }
        List<String> cols = table.primaryKey().columns();
        if (key.size() != cols.size()) {
            throw new StudioException(StudioError.INVALID_REQUEST, "A row of " + table.name() + " is named by " + cols);
        }
        List<String> conds = cols.stream().map(k -> Identifiers.quote(k) + " = " + SqlTypes.param(table, table.column(k).orElseThrow())).toList();
        return new SqlText("SELECT " + TableQuery.selectList(table) + " FROM " + table.qualifiedName() + " WHERE "
                + String.join(" AND ", conds), key);
    }

    public RowData read(Table table, List<String> key) {
        SqlText q = byKey(table, key);
        List<String> names = table.columns().stream().map(c -> c.name()).toList();
        List<String> values = tx.read(c -> {
            try (PreparedStatement ps = Transactions.prepare(c, q); ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= names.size(); i++) {
                    row.add(rs.getString(i));
                }
                return row;
            }
        });
        if (values == null) {
            throw new StudioException(StudioError.ROW_NOT_FOUND, "No row of " + table.name() + " has the key " + key
                    + " (deleted meanwhile?)");
        }
        return new RowData(table.name(), names, values, q);
    }
}

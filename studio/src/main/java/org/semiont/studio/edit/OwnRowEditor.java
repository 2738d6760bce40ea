package org.semiont.studio.edit;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.semiont.schema.sql.Column;
import org.semiont.schema.sql.Identifiers;
import org.semiont.schema.sql.Table;
import org.semiont.studio.StudioError;
import org.semiont.studio.StudioException;
import org.semiont.studio.auth.StudioSession;
import org.semiont.studio.browse.RowData;
import org.semiont.studio.browse.RowReader;
import org.semiont.studio.browse.SqlText;
import org.semiont.studio.browse.SqlTypes;
import org.semiont.studio.browse.Transactions;

/**
 * Inserts, updates and deletes rows of a team's own models directly, in one transaction each. An update or delete
 * first locks the row and compares it with the version the form was drawn from: a row changed meanwhile is a
 * conflict and nothing is written.
 */
public final class OwnRowEditor {
    private final Transactions tx;

    public OwnRowEditor(Transactions tx) {
        this.tx = tx;
    }

    /** @param values the columns given (a null value: SQL NULL); columns left out take their defaults */
    public EditResult insert(Table t, Map<String, String> values, StudioSession who) {
        requireKey(t);
        List<String> cols = new ArrayList<>();
        List<String> marks = new ArrayList<>();
        List<String> params = new ArrayList<>();
        values.forEach((name, v) -> {
            Column c = column(t, name);
            cols.add(Identifiers.quote(c.name()));
            marks.add(SqlTypes.param(t, c));
            params.add(v);
        });
        String keys = String.join(", ", t.primaryKey().columns().stream().map(k -> "CAST(" + Identifiers.quote(k) + " AS TEXT)").toList());
        SqlText q = new SqlText("INSERT INTO " + t.qualifiedName() + (cols.isEmpty() ? " DEFAULT VALUES"
                : " (" + String.join(", ", cols) + ") VALUES (" + String.join(", ", marks) + ")") + " RETURNING " + keys, params);
        List<String> key = tx.write(c -> {
            try (PreparedStatement ps = Transactions.prepare(c, q); ResultSet rs = ps.executeQuery()) {
                rs.next();
                List<String> k = new ArrayList<>();
                for (int i = 1; i <= t.primaryKey().columns().size(); i++) {
                    k.add(rs.getString(i));
                }
                return k;
            }
        });
        Audit.edited(who, "insert", t.name(), key, values.keySet());
        return new EditResult("Inserted a row into " + t.name(), key, List.of(q));
    }

    public EditResult update(Table t, List<String> key, String version, Map<String, String> values, StudioSession who) {
        requireKey(t);
        if (values.isEmpty()) {
            throw new StudioException(StudioError.INVALID_REQUEST, "Nothing to change");
        }
        Map<String, String> changes = new LinkedHashMap<>(values);
        List<String> sets = new ArrayList<>();
        List<String> params = new ArrayList<>();
        changes.forEach((name, v) -> {
            Column c = column(t, name);
            sets.add(Identifiers.quote(c.name()) + " = " + SqlTypes.param(t, c));
            params.add(v);
        });
        SqlText where = keyCondition(t, key);
        params.addAll(where.params());
        SqlText q = new SqlText("UPDATE " + t.qualifiedName() + " SET " + String.join(", ", sets) + " WHERE " + where.sql(), params);
        SqlText lock = locked(t, key);
        tx.write(c -> {
            requireVersion(t, c, lock, key, version);
            try (PreparedStatement ps = Transactions.prepare(c, q)) {
                ps.executeUpdate();
            }
            return null;
        });
        Audit.edited(who, "update", t.name(), key, changes.keySet());
        return new EditResult("Updated the row " + key + " of " + t.name(), key, List.of(lock, q));
    }

    public EditResult delete(Table t, List<String> key, String version, StudioSession who) {
        requireKey(t);
        SqlText where = keyCondition(t, key);
        SqlText q = new SqlText("DELETE FROM " + t.qualifiedName() + " WHERE " + where.sql(), where.params());
        SqlText lock = locked(t, key);
        tx.write(c -> {
            requireVersion(t, c, lock, key, version);
            try (PreparedStatement ps = Transactions.prepare(c, q)) {
                ps.executeUpdate();
            }
            return null;
        });
        Audit.edited(who, "delete", t.name(), key, List.of());
        return new EditResult("Deleted the row " + key + " of " + t.name(), null, List.of(lock, q));
    }

    private static SqlText locked(Table t, List<String> key) {
        SqlText read = RowReader.byKey(t, key);
        return new SqlText(read.sql() + " FOR UPDATE", read.params());
    }

    private static void requireVersion(Table t, java.sql.Connection c, SqlText lock, List<String> key, String version)
            throws java.sql.SQLException {
        List<String> names = t.columns().stream().map(Column::name).toList();
        try (PreparedStatement ps = Transactions.prepare(c, lock); ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new StudioException(StudioError.EDIT_CONFLICT, "The row " + key + " of " + t.name()
                        + " was deleted meanwhile; nothing was written");
            }
            List<String> values = new ArrayList<>();
            for (int i = 1; i <= names.size(); i++) {
                values.add(rs.getString(i));
            }
            if (!RowVersion.of(new RowData(t.name(), names, values, lock)).equals(version)) {
                throw new StudioException(StudioError.EDIT_CONFLICT, "The row " + key + " of " + t.name() + " changed since "
                        + "you opened it; nothing was written. Open it again to see the current values, then redo your edit");
            }
        }
    }

    private static SqlText keyCondition(Table t, List<String> key) {
        SqlText read = RowReader.byKey(t, key);
        return new SqlText(read.sql().substring(read.sql().indexOf(" WHERE ") + 7), read.params());
    }

    private static void requireKey(Table t) {
        if (t.primaryKey() == null) {
            throw new StudioException(StudioError.INVALID_REQUEST, "Model " + t.name() + " has no primary key, so its rows "
                    + "cannot be edited safely here");
        }
    }

    private static Column column(Table t, String name) {
        return t.column(name).orElseThrow(() -> new StudioException(StudioError.INVALID_REQUEST, "Model " + t.name()
                + " has no column \"" + name + "\""));
    }
}

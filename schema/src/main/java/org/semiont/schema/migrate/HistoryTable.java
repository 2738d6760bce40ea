package org.semiont.schema.migrate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.semiont.schema.sql.Identifiers;

/**
 * {@code _prisma_migrations}, with Prisma Migrate's columns, so a database migrated by Prisma can be migrated by
 * semiont and back. Every method runs on the caller's connection, in whatever transaction it is in.
 */
final class HistoryTable {
    static final String NAME = "_prisma_migrations";
    private final String table;

    HistoryTable(String namespace) {
        this.table = Identifiers.quote(namespace) + "." + Identifiers.quote(NAME);
    }

    /** Creates the table when it does not exist (checked first: creating needs rights a deploy that only reads may lack). */
    void create(Connection c) throws SQLException {
        if (exists(c)) {
            return;
        }
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS " + table + " ("
                    + "\"id\" VARCHAR(36) PRIMARY KEY NOT NULL, "
                    + "\"checksum\" VARCHAR(64) NOT NULL, "
                    + "\"finished_at\" TIMESTAMPTZ, "
                    + "\"migration_name\" VARCHAR(255) NOT NULL, "
                    + "\"logs\" TEXT, "
                    + "\"rolled_back_at\" TIMESTAMPTZ, "
                    + "\"started_at\" TIMESTAMPTZ NOT NULL DEFAULT now(), "
                    + "\"applied_steps_count\" INTEGER NOT NULL DEFAULT 0)");
        }
    }

    boolean exists(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** Every row, oldest first; none when the table does not exist. */
    List<HistoryRow> read(Connection c) throws SQLException {
        List<HistoryRow> rows = new ArrayList<>();
        if (!exists(c)) {
            return rows;
        }
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT id, checksum, finished_at, migration_name,"
                + " logs, rolled_back_at, started_at, applied_steps_count FROM " + table + " ORDER BY started_at, id")) {
            while (rs.next()) {
                rows.add(new HistoryRow(rs.getString(1), rs.getString(2), instant(rs.getTimestamp(3)), rs.getString(4),
                        rs.getString(5), instant(rs.getTimestamp(6)), instant(rs.getTimestamp(7)), rs.getInt(8)));
            }
        }
        return rows;
    }

    /** A started attempt; returns its id. */
    String start(Connection c, LocalMigration m) throws SQLException {
        String id = UUID.randomUUID().toString();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table
                + " (id, checksum, migration_name, started_at, applied_steps_count) VALUES (?, ?, ?, now(), 0)")) {
            ps.setString(1, id);
            ps.setString(2, m.checksum());
            ps.setString(3, m.name());
            ps.executeUpdate();
        }
        return id;
    }

    void progress(Connection c, String id, int steps) throws SQLException {
        update(c, "UPDATE " + table + " SET applied_steps_count = ? WHERE id = ?", steps, id);
    }

    void finish(Connection c, String id, int steps) throws SQLException {
        update(c, "UPDATE " + table + " SET finished_at = clock_timestamp(), applied_steps_count = ? WHERE id = ?", steps, id);
    }

    void fail(Connection c, String id, int steps, String logs) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET applied_steps_count = ?, logs = ? WHERE id = ?")) {
            ps.setInt(1, steps);
            ps.setString(2, logs);
            ps.setString(3, id);
            ps.executeUpdate();
        }
    }

    /** A migration recorded as applied without running it ({@code resolve --applied}, {@code baseline}). */
    void recordApplied(Connection c, LocalMigration m) throws SQLException {
        String id = start(c, m);
        finish(c, id, 0);
    }

    /** Marks the failed attempts of {@code name} as rolled back; returns how many. */
    int markFailedRolledBack(Connection c, String name) throws SQLException {
        return mark(c, "finished_at IS NULL", name);
    }

    /** Marks the applied row of {@code name} as rolled back ({@code migrate rollback}); returns how many. */
    int markAppliedRolledBack(Connection c, String name) throws SQLException {
        return mark(c, "finished_at IS NOT NULL", name);
    }

    private int mark(Connection c, String condition, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET rolled_back_at = clock_timestamp()"
                + " WHERE migration_name = ? AND rolled_back_at IS NULL AND " + condition)) {
            ps.setString(1, name);
            return ps.executeUpdate();
        }
    }

    private static void update(Connection c, String sql, int steps, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, steps);
            ps.setString(2, id);
            ps.executeUpdate();
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}

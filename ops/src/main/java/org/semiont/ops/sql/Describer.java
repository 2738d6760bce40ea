package org.semiont.ops.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code \dt} and {@code \d TABLE}: the catalog read into rows and lines. */
final class Describer {
    private final Connection connection;

    Describer(Connection connection) {
        this.connection = connection;
    }

    /** Tables (all, or those whose name matches a {@code *}/{@code ?} pattern). */
    Outcome.Rows tables(String pattern) throws SQLException {
        try (PreparedStatement q = connection.prepareStatement(CatalogQueries.TABLES)) {
            String like = pattern.replace("_", "\\_").replace('*', '%').replace('?', '_');
            q.setString(1, pattern);
            q.setString(2, like);
            try (ResultSet rs = q.executeQuery()) {
                return SqlRunner.rows(rs);
            }
        }
    }

    /** The table's columns, then its indexes and constraints as lines; empty when no table has that name. */
    Optional<Described> table(String name) throws SQLException {
        long oid;
        String title;
        try (PreparedStatement q = connection.prepareStatement(CatalogQueries.RESOLVE)) {
            q.setString(1, name);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                oid = rs.getLong(1);
                title = "Table \"" + rs.getString(2) + "." + rs.getString(3) + "\"";
            }
        }
        Outcome.Rows columns = query(CatalogQueries.COLUMNS, oid);
        List<String> footer = new ArrayList<>();
        section("Indexes:", query(CatalogQueries.INDEXES, oid), footer);
        section("Constraints:", query(CatalogQueries.CONSTRAINTS, oid), footer);
        return Optional.of(new Described(title, columns, footer));
    }

    record Described(String title, Outcome.Rows columns, List<String> footer) {
    }

    private static void section(String heading, Outcome.Rows rows, List<String> out) {
        if (rows.rows().isEmpty()) {
            return;
        }
        out.add(heading);
        rows.rows().forEach(r -> out.add("    \"" + r.get(0) + "\" " + r.get(1)));
    }

    private Outcome.Rows query(String sql, long oid) throws SQLException {
        try (PreparedStatement q = connection.prepareStatement(sql)) {
            q.setLong(1, oid);
            try (ResultSet rs = q.executeQuery()) {
                return SqlRunner.rows(rs);
            }
        }
    }
}

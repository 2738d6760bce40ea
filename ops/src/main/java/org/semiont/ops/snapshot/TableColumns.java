package org.semiont.ops.snapshot;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** A table's columns as {@code name type} in their order, as the session's search path finds the table. */
final class TableColumns {
    private TableColumns() {
    }

    /** Empty when there is no such table. */
    static List<String> of(Connection c, String table) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT a.attname, format_type(a.atttypid, a.atttypmod) FROM pg_attribute a "
                + "WHERE a.attrelid = to_regclass(?) AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum")) {
            ps.setString(1, quote(table));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1) + " " + rs.getString(2));
                }
            }
        }
        return out;
    }

    /** The column list of a COPY for columns as {@link #of} returns them. */
    static String copyList(List<String> columns) {
        List<String> names = new ArrayList<>();
        for (String c : columns) {
            names.add(quote(c.substring(0, c.indexOf(' '))));
        }
        return "(" + String.join(", ", names) + ")";
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}

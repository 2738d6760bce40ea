package org.semiont.server.projection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The non-unique indexes of a table (GIN on arrays, B-tree on lookups), dropped before a bulk load and
 * created again from their own definitions after it: building an index once over loaded rows is several
 * times cheaper than maintaining it row by row. Unique indexes and constraints stay, so the load is still
 * checked. Inside the rebuild transaction, so a failure restores them with everything else.
 */
final class SecondaryIndexes {
    private final List<String> definitions;

    private SecondaryIndexes(List<String> definitions) {
        this.definitions = definitions;
    }

    static SecondaryIndexes drop(Connection c, List<String> tables) throws SQLException {
        List<String[]> found = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT quote_ident(n.nspname) || '.' || quote_ident(i.relname), "
                + "pg_get_indexdef(i.oid) FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid "
                + "JOIN pg_namespace n ON n.oid = i.relnamespace WHERE x.indrelid = to_regclass(?) AND NOT x.indisunique "
                + "AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.oid)")) {
            for (String table : tables) {
                ps.setString(1, table);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.add(new String[] {rs.getString(1), rs.getString(2)});
                    }
                }
            }
        }
        List<String> definitions = new ArrayList<>();
        try (Statement s = c.createStatement()) {
            for (String[] index : found) {
                s.execute("DROP INDEX " + index[0]);
                definitions.add(index[1]);
            }
        }
        return new SecondaryIndexes(definitions);
    }

    void recreate(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String definition : definitions) {
                s.execute(definition);
            }
        }
    }
}

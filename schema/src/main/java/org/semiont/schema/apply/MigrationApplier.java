package org.semiont.schema.apply;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.semiont.schema.SchemaError;
import org.semiont.schema.SchemaException;

/**
 * Executes the statements of a push in order, inside the caller's transaction. A rejected statement
 * ends the push with {@link SchemaError#SCHEMA_APPLY_FAILED} (or {@link SchemaError#SCHEMA_LOCK_TIMEOUT}
 * when it waited too long for a table lock); the caller rolls back, so nothing is applied.
 */
public final class MigrationApplier {

    public void apply(Connection connection, List<String> statements, Duration lockTimeout) {
        try (Statement st = connection.createStatement()) {
            for (int i = 0; i < statements.size(); i++) {
                String sql = statements.get(i);
                try {
                    st.execute(sql);
                } catch (SQLException e) {
                    throw failure(e, i + 1, statements.size(), sql, lockTimeout);
                }
            }
        } catch (SQLException e) {
            throw new SchemaException(SchemaError.SCHEMA_DATABASE, "Could not run the schema statements: " + e.getMessage(), e);
        }
    }

    private static SchemaException failure(SQLException e, int number, int total, String sql, Duration lockTimeout) {
        String where = "statement " + number + " of " + total;
        if (SchemaLock.LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
            return new SchemaException(SchemaError.SCHEMA_LOCK_TIMEOUT, "Waited more than " + SchemaLock.seconds(lockTimeout)
                    + " for a table lock at " + where + " (another session is using the table). Nothing was applied;"
                    + " retry when that session ends, or raise the lock timeout.", List.of(sql), e);
        }
        return new SchemaException(SchemaError.SCHEMA_APPLY_FAILED, "PostgreSQL rejected " + where + ": "
                + firstLine(e.getMessage()) + " Nothing was applied.", List.of(sql), e);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        int nl = message.indexOf('\n');
        String line = nl < 0 ? message : message.substring(0, nl);
        return line.endsWith(".") ? line : line + ".";
    }
}

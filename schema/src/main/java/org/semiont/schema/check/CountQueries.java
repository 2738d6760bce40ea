package org.semiont.schema.check;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs the count queries of a plan, each once, inside the caller's transaction. A query that exceeds
 * the remaining budget is cancelled (rolled back to a savepoint) and its count stays unknown.
 */
public final class CountQueries {
    private static final String QUERY_CANCELED = "57014";
    private final Clock clock;

    public CountQueries(Clock clock) {
        this.clock = clock;
    }

    public Counts run(Connection connection, Collection<CountQuery> queries, Duration budget) throws SQLException {
        Map<CountQuery, Long> values = new HashMap<>();
        Instant deadline = clock.instant().plus(budget);
        for (CountQuery query : queries) {
            long remainingMs = Duration.between(clock.instant(), deadline).toMillis();
            if (remainingMs <= 0) {
                break;
            }
            Long value = runOne(connection, query, remainingMs);
            if (value != null) {
                values.put(query, value);
            }
        }
        return new Counts(values);
    }

    private static Long runOne(Connection connection, CountQuery query, long timeoutMs) throws SQLException {
        Savepoint savepoint = connection.setSavepoint();
        try (Statement st = connection.createStatement()) {
            st.execute("SET LOCAL statement_timeout = " + timeoutMs);
            try (ResultSet rs = st.executeQuery(query.sql())) {
                rs.next();
                long value = rs.getLong(1);
                st.execute("SET LOCAL statement_timeout = 0");
                connection.releaseSavepoint(savepoint);
                return value;
            }
        } catch (SQLException e) {
            if (!QUERY_CANCELED.equals(e.getSQLState())) {
                throw e;
            }
            connection.rollback(savepoint);
            return null;
        }
    }
}

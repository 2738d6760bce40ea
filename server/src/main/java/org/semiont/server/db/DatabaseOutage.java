package org.semiont.server.db;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;

/**
 * Whether a failure means the database cannot be reached or is not answering (down, restarting, full of
 * connections, or too slow for the statement timeout), rather than a fault of the request or a bug: such a failure is
 * the server's temporary state, answered 503 with a hint to retry, not 500.
 */
public final class DatabaseOutage {
    private DatabaseOutage() {
    }

    /** A short description of the outage in {@code failure}'s cause chain, if it holds one. */
    public static Optional<String> in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return Optional.of("no database connection could be had in time");
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08")) {
                    return Optional.of("the connection to the database failed");
                }
                switch (state) {
                    case "57P01", "57P02", "57P03" -> {
                        return Optional.of("the database is shutting down or starting up");
                    }
                    case "53300" -> {
                        return Optional.of("the database has no free connection slots");
                    }
                    case "57014" -> {
                        return Optional.of("the database did not answer within the statement timeout");
                    }
                    default -> {
                    }
                }
            }
        }
        return Optional.empty();
    }
}

package org.semiont.ops.sessions;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Sends a {@link Signal} to sessions, one at a time, and reports each outcome; a failure does not stop the rest. */
public final class SessionSignaller {
    private static final String UNDEFINED_FUNCTION = "42883";
    private final Connection connection;

    public SessionSignaller(Connection connection) {
        this.connection = connection;
    }

    /** @param error empty when PostgreSQL accepted the signal */
    public record Outcome(Session session, Optional<String> error) {
        public boolean ok() {
            return error.isEmpty();
        }
    }

    public List<Outcome> send(Signal signal, List<Session> targets) {
        List<Outcome> out = new ArrayList<>();
        for (Session s : targets) {
            out.add(new Outcome(s, send(signal, s.pid())));
        }
        return out;
    }

    private Optional<String> send(Signal signal, int pid) {
        // pg_terminate_backend waits up to the timeout for the session to be gone, so its end is reported, not hoped for
        String sql = signal == Signal.TERMINATE ? "SELECT pg_terminate_backend(?, 5000)" : "SELECT " + signal.function + "(?)";
        try (PreparedStatement q = connection.prepareStatement(sql)) {
            q.setInt(1, pid);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getBoolean(1) ? Optional.empty()
                        : Optional.of("PostgreSQL did not signal it (the session had already ended, or did not end in 5 s)");
            }
        } catch (SQLException e) {
            if (UNDEFINED_FUNCTION.equals(e.getSQLState()) && signal == Signal.TERMINATE) {
                return sendWithoutTimeout(pid); // PostgreSQL before 14 has no timeout argument
            }
            return Optional.of(e.getMessage());
        }
    }

    private Optional<String> sendWithoutTimeout(int pid) {
        try (PreparedStatement q = connection.prepareStatement("SELECT pg_terminate_backend(?)")) {
            q.setInt(1, pid);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getBoolean(1) ? Optional.empty() : Optional.of("PostgreSQL did not signal it (the session had already ended)");
            }
        } catch (SQLException e) {
            return Optional.of(e.getMessage());
        }
    }
}

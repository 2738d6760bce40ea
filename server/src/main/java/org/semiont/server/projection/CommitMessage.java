package org.semiont.server.projection;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A batch's last statements, sent in one message with the checkpoint's compare-and-set and the {@code COMMIT}
 * ({@link Checkpoints#advanceAndCommit(java.sql.Connection, String, long, long, java.time.Instant, CommitMessage)}):
 * one round trip for a whole batch once its events are durable. Each statement binds its own parameters, from the
 * first one it is given.
 */
public final class CommitMessage {
    /** Sets a statement's parameters starting at {@code first}; returns how many it set. */
    @FunctionalInterface
    public interface Parameters {
        int bind(PreparedStatement ps, int first) throws SQLException;
    }

    private final StringBuilder sql = new StringBuilder();
    private final List<Parameters> parameters = new ArrayList<>();

    /** Adds a statement without a trailing semicolon. */
    public void add(String statement, Parameters binder) {
        sql.append(statement).append("; ");
        parameters.add(binder);
    }

    /** The statements added so far, each followed by {@code "; "}. */
    String sql() {
        return sql.toString();
    }

    /** Binds every statement's parameters from index 1; returns the next free index. */
    int bind(PreparedStatement ps) throws SQLException {
        int next = 1;
        for (Parameters p : parameters) {
            next += p.bind(ps, next);
        }
        return next;
    }
}

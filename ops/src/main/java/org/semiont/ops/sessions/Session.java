package org.semiont.ops.sessions;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One database session as {@code pg_stat_activity} shows it.
 *
 * @param client       {@code address:port}, or {@code local} for a Unix socket
 * @param state        {@code active}, {@code idle}, {@code idle in transaction}, … (empty when hidden from this role)
 * @param waitEvent    {@code type:event} while it waits ({@code Lock:transactionid}), else empty
 * @param queryAge     since the current (or last, when idle) statement started
 * @param transactionAge since the open transaction started; empty outside a transaction
 * @param blockedBy    the sessions holding the locks it waits for
 */
public record Session(int pid, String database, String user, String application, String client, String state,
                      String waitEvent, Optional<Duration> queryAge, Optional<Duration> transactionAge,
                      List<Integer> blockedBy, String query) {
    public Session {
        blockedBy = List.copyOf(blockedBy);
        database = database == null ? "" : database;
        user = user == null ? "" : user;
        application = application == null ? "" : application;
        state = state == null ? "" : state;
        query = query == null ? "" : query;
    }

    /**
     * A session of Semiont itself: its pools ({@code semiont}, {@code semiont app}, …) and its dedicated lock and
     * projector connections ({@code semiont start (pid 12 on host)}). {@code semiont-sql} and other
     * {@code semiont-…} tools are not: a forgotten shell is exactly what an operator wants to end.
     */
    public boolean isSemiont() {
        return application.equals("semiont") || application.startsWith("semiont ");
    }

    public boolean isActive() {
        return state.equals("active");
    }

    public boolean isIdleInTransaction() {
        return state.startsWith("idle in transaction");
    }

    /**
     * How long it has been doing what it does now: the running statement when active, the open transaction when idle
     * in one; empty for an idle session (waiting in a pool is not old).
     */
    public Optional<Duration> busyFor() {
        if (isActive()) {
            return queryAge;
        }
        if (isIdleInTransaction()) {
            return transactionAge;
        }
        return Optional.empty();
    }
}

package org.semiont.schema.migrate;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.semiont.schema.SchemaError;
import org.semiont.schema.SchemaException;

/**
 * Applies one migration file and records it in the history. A file whose statements may all share a transaction runs
 * in one, together with its history row: it is applied whole or not at all. A file with statements that must run
 * alone runs segment by segment, the history row counting the steps done, so a failure says how far it got.
 * A failed attempt is recorded (finished_at NULL, the error in logs), as Prisma Migrate does, and blocks later deploys
 * until it is resolved.
 */
final class ScriptRunner {
    private static final String LOCK_NOT_AVAILABLE = "55P03";
    private final HistoryTable history;
    private final Duration lockTimeout;

    ScriptRunner(HistoryTable history, Duration lockTimeout) {
        this.history = history;
        this.lockTimeout = lockTimeout;
    }

    /** Runs {@code m} on an autocommit connection. */
    void apply(Connection c, LocalMigration m) throws SQLException {
        SqlScript script = m.script();
        if (script.transactional()) {
            applyWhole(c, m, script);
        } else {
            applyInSegments(c, m, script);
        }
    }

    /**
     * Runs {@code m}'s down.sql and marks it rolled back in the history, in one transaction when it can; a down.sql with
     * statements that must run alone runs segment by segment and is marked once all succeeded.
     */
    void undo(Connection c, LocalMigration m) throws SQLException {
        SqlScript script = SqlScript.parse(m.down().orElseThrow());
        int total = script.statementCount();
        try {
            if (script.transactional()) {
                c.setAutoCommit(false);
                try {
                    setLockTimeout(c);
                    run(c, m, script.segments().isEmpty() ? List.of() : script.segments().get(0).statements(), 0, total);
                    history.markAppliedRolledBack(c, m.name());
                    c.commit();
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                } finally {
                    c.setAutoCommit(true);
                }
                return;
            }
            int done = 0;
            for (SqlScript.Segment segment : script.segments()) {
                done = segment.alone() ? run(c, m, segment.statements(), done, total) : runInTransaction(c, m, segment, done, total);
            }
            history.markAppliedRolledBack(c, m.name());
        } catch (StatementFailed e) {
            throw e.toSchemaException("The down.sql of migration `" + m.name() + "`", "It is still recorded as applied; fix down.sql or the database"
                    + " and run the rollback again.");
        }
    }

    private void applyWhole(Connection c, LocalMigration m, SqlScript script) throws SQLException {
        int total = script.statementCount();
        c.setAutoCommit(false);
        try {
            setLockTimeout(c);
            String id = history.start(c, m);
            int done = 0;
            for (SqlScript.Segment segment : script.segments()) {
                done = run(c, m, segment.statements(), done, total);
            }
            history.finish(c, id, total);
            c.commit();
        } catch (StatementFailed e) {
            c.rollback();
            if (e.lockTimeout) {
                throw e.toSchemaException("Migration `" + m.name() + "`", "It waited too long for a table lock; nothing of it was applied. Deploy again"
                        + " when the session holding the lock is done.");
            }
            recordFailure(c, m, 0, e);
            throw e.toSchemaException("Migration `" + m.name() + "`", "Nothing of it was applied (it ran in one transaction). Fix migration.sql or the"
                    + " database, then run 'semiont migrate resolve --rolled-back " + m.name() + "' and deploy again.");
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private void applyInSegments(Connection c, LocalMigration m, SqlScript script) throws SQLException {
        int total = script.statementCount();
        String id = history.start(c, m);
        int done = 0;
        try {
            for (SqlScript.Segment segment : script.segments()) {
                done = segment.alone() ? run(c, m, segment.statements(), done, total) : runInTransaction(c, m, segment, done, total);
                history.progress(c, id, done);
            }
        } catch (StatementFailed e) {
            history.fail(c, id, done, e.getMessage());
            throw e.toSchemaException("Migration `" + m.name() + "`", done + " of " + total + " statements were applied (its statements that run"
                    + " outside a transaction commit one by one). Finish or undo them by hand, then run 'semiont migrate"
                    + " resolve --applied " + m.name() + "' or '--rolled-back " + m.name() + "'.");
        }
        history.finish(c, id, total);
    }

    private int runInTransaction(Connection c, LocalMigration m, SqlScript.Segment segment, int done, int total) throws SQLException {
        c.setAutoCommit(false);
        try {
            setLockTimeout(c);
            int after = run(c, m, segment.statements(), done, total);
            c.commit();
            return after;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private int run(Connection c, LocalMigration m, List<String> statements, int done, int total) throws SQLException {
        if (c.getAutoCommit()) {
            setLockTimeout(c);
        }
        try (Statement st = c.createStatement()) {
            for (String sql : statements) {
                try {
                    st.execute(sql);
                } catch (SQLException e) {
                    throw new StatementFailed(done + 1, total, sql, e);
                }
                done++;
            }
        }
        return done;
    }

    private void setLockTimeout(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute((c.getAutoCommit() ? "SET" : "SET LOCAL") + " lock_timeout = " + Math.max(1, lockTimeout.toMillis()));
        }
    }

    private void recordFailure(Connection c, LocalMigration m, int done, StatementFailed e) throws SQLException {
        String id = history.start(c, m);
        history.fail(c, id, done, e.getMessage());
    }

    /** A statement PostgreSQL rejected, with where it is in the file. */
    static final class StatementFailed extends RuntimeException {
        private final String sql;
        private final boolean lockTimeout;

        StatementFailed(int number, int total, String sql, SQLException cause) {
            super("statement " + number + " of " + total + ": " + firstLine(cause.getMessage()), cause);
            this.sql = sql;
            this.lockTimeout = LOCK_NOT_AVAILABLE.equals(cause.getSQLState());
        }

        SchemaException toSchemaException(String subject, String wayOut) {
            return new SchemaException(lockTimeout ? SchemaError.SCHEMA_LOCK_TIMEOUT : SchemaError.MIGRATION_FAILED,
                    subject + " failed at " + getMessage() + " " + wayOut, List.of(sql), getCause());
        }

        private static String firstLine(String message) {
            if (message == null) {
                return "(no message)";
            }
            int nl = message.indexOf('\n');
            return nl < 0 ? message : message.substring(0, nl);
        }
    }
}

package org.semiont.server.projection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** The {@code projection_checkpoints} table: how far a projection has applied the global log. */
public final class Checkpoints {
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String NOT_NULL_VIOLATION = "23502";
    private static final String TABLE = "projection_checkpoints";
    /**
     * The compare-and-set as two statements that fail the transaction by themselves when the checkpoint is not at
     * {@code from}, so a {@code COMMIT} can follow in the same message: the {@code INSERT} adds a row only then, and
     * that row always breaks a constraint (the primary key when a checkpoint exists; {@code NOT NULL} on its
     * position unless {@code from} is 0, when creating the checkpoint is the right thing). Prepared like any other
     * statement: a plan per statement, not per batch.
     */
    private static final String COMPARE_AND_SET = "INSERT INTO projection_checkpoints (name, position, \"updatedAt\") "
            + "SELECT ?, CASE WHEN ?::bigint = 0 THEN ?::bigint END, ? WHERE NOT EXISTS "
            + "(SELECT 1 FROM projection_checkpoints WHERE name = ? AND position = ?); "
            + "UPDATE projection_checkpoints SET position = ?, \"updatedAt\" = ? WHERE name = ? AND position = ?";

    private Checkpoints() {
    }

    /** The checkpoint's position; 0 if it has none. */
    public static long read(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT position FROM projection_checkpoints WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    /** Moves the checkpoint from {@code from} to {@code to}, or fails if another writer moved it first. */
    static void advance(Connection c, String name, long from, long to, Instant now) throws SQLException {
        compareAndSet(c, new CommitMessage(), COMPARE_AND_SET, name, from, to, now);
    }

    /**
     * {@link #advance}, then commits, in one round trip: under load each round trip of the projector's transaction
     * waits for a busy CPU, and the projector sets the pace of every write.
     */
    static void advanceAndCommit(Connection c, String name, long from, long to, Instant now) throws SQLException {
        advanceAndCommit(c, name, from, to, now, new CommitMessage());
    }

    /** {@link #advanceAndCommit}, with {@code before}'s statements ahead of the compare-and-set in the same message. */
    static void advanceAndCommit(Connection c, String name, long from, long to, Instant now, CommitMessage before)
            throws SQLException {
        compareAndSet(c, before, COMPARE_AND_SET + "; COMMIT", name, from, to, now);
    }

    private static void compareAndSet(Connection c, CommitMessage before, String sql, String name, long from, long to,
                                      Instant now) throws SQLException {
        LocalDateTime at = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
        try (PreparedStatement ps = c.prepareStatement(before.sql() + sql)) {
            int i = before.bind(ps);
            ps.setString(i, name);
            ps.setLong(i + 1, from);
            ps.setLong(i + 2, to);
            ps.setObject(i + 3, at);
            ps.setString(i + 4, name);
            ps.setLong(i + 5, from);
            ps.setLong(i + 6, to);
            ps.setObject(i + 7, at);
            ps.setString(i + 8, name);
            ps.setLong(i + 9, from);
            ps.execute();
        } catch (SQLException e) {
            if (!brokeTheCheckpoint(e)) {
                throw e; // a statement of the commit message failed, not the compare-and-set
            }
            c.rollback();
            throw new ProjectionException("projection '" + name + "' is not at position " + from + " (found "
                    + read(c, name) + "): another process is projecting into the same database; stop it, then restart");
        }
    }

    /** Whether {@code e} is the compare-and-set's own failure: one of the two constraints, on the checkpoints' table. */
    private static boolean brokeTheCheckpoint(SQLException e) {
        if (!UNIQUE_VIOLATION.equals(e.getSQLState()) && !NOT_NULL_VIOLATION.equals(e.getSQLState())) {
            return false;
        }
        ServerErrorMessage m = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
        return m == null || TABLE.equals(m.getTable());
    }

    /**
     * Moves the checkpoint to {@code position} unless it is already further (creating it if needed): for a
     * follower that only ever moves forward and has no transaction to share, like the projection files.
     */
    public static void raise(Connection c, String name, long position, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO projection_checkpoints (name, position, \"updatedAt\") "
                + "VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET position = GREATEST(projection_checkpoints.position, "
                + "EXCLUDED.position), \"updatedAt\" = EXCLUDED.\"updatedAt\"")) {
            ps.setString(1, name);
            ps.setLong(2, position);
            ps.setObject(3, LocalDateTime.ofInstant(now, ZoneOffset.UTC));
            ps.executeUpdate();
        }
    }

    static void reset(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM projection_checkpoints WHERE name = ?")) {
            ps.setString(1, name);
            ps.executeUpdate();
        }
    }

}

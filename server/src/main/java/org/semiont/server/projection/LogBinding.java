package org.semiont.server.projection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Which event log the projections in a database follow ({@code projection_checkpoints."logId"}), and whether that
 * log can still explain them. Without it a second server on another data dir but the same {@code DATABASE_URL}
 * read the first one's checkpoint as its own and skipped its own events up to there; a log restored from an older
 * copy left the checkpoint ahead of the log, so new writes were acknowledged and never projected.
 */
final class LogBinding {
    private LogBinding() {
    }

    /** Where a checkpoint stands and which log it follows (null: recorded before logs had identities). */
    record Bound(long position, String logId) {
    }

    /**
     * Claims the checkpoint {@code name} for the log {@code logId}, in the caller's transaction: creates it at 0 when
     * there is none, adopts it when it names no log, and refuses it when it follows another log or is past the
     * log's end. Returns its position. The row stays locked until the transaction ends, so two servers starting at
     * once cannot both claim it.
     */
    static long claim(Connection c, String name, String logId, long logEnd, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO projection_checkpoints (name, position, \"updatedAt\", "
                + "\"logId\", \"rulesVersion\") VALUES (?, 0, ?, ?, ?) ON CONFLICT (name) DO NOTHING")) {
            ps.setString(1, name);
            ps.setObject(2, LocalDateTime.ofInstant(now, ZoneOffset.UTC));
            ps.setString(3, logId);
            ps.setInt(4, ProjectionRules.VERSION);
            ps.executeUpdate();
        }
        Bound b = read(c, name, true);
        require(b, logId, logEnd);
        if (b.logId() == null) {
            record(c, name, logId);
        }
        return b.position();
    }

    /** As {@link #claim}, but only reads: for a check that must not change what it checks. */
    static long verify(Connection c, String name, String logId, long logEnd) throws SQLException {
        Bound b = read(c, name, false);
        require(b, logId, logEnd);
        return b.position();
    }

    /** Records that the checkpoint {@code name} follows {@code logId} (after a rebuild from that log, with today's rules). */
    static void record(Connection c, String name, String logId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE projection_checkpoints SET \"logId\" = ?, \"rulesVersion\" = ? "
                + "WHERE name = ?")) {
            ps.setString(1, logId);
            ps.setInt(2, ProjectionRules.VERSION);
            ps.setString(3, name);
            ps.executeUpdate();
        }
    }

    /**
     * Whether the rows of checkpoint {@code name} were written by other projection rules than today's (and there are
     * rows: a checkpoint past 0). A checkpoint at 0 just takes today's version.
     */
    static boolean rulesChanged(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT position, \"rulesVersion\" FROM projection_checkpoints WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return false;
                }
                int version = rs.getInt(2);
                boolean known = !rs.wasNull();
                return rs.getLong(1) > 0 && (!known || version != ProjectionRules.VERSION);
            }
        }
    }

    private static Bound read(Connection c, String name, boolean lock) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT position, \"logId\" FROM projection_checkpoints WHERE name = ?"
                + (lock ? " FOR UPDATE" : ""))) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Bound(rs.getLong(1), rs.getString(2)) : new Bound(0, null);
            }
        }
    }

    private static void require(Bound b, String logId, long logEnd) {
        if (b.logId() != null && !b.logId().equals(logId)) {
            throw new ProjectionException("this database holds the projections of another event log (log id "
                    + b.logId() + "; this data dir's log is " + logId + "). A database serves one event log: give this "
                    + "server a database of its own (DATABASE_URL), or, with the other log's server stopped, replace "
                    + "the projections with this log's by 'semiont projections rebuild'");
        }
        if (b.position() > logEnd) {
            throw new ProjectionException("the projections in this database are at global position " + b.position()
                    + ", but this data dir's event log ends at " + logEnd + ": the log lost events the database has "
                    + "seen (restored from an older copy?). Writes would be acknowledged and never projected. Restore "
                    + "the newer log, or replace the projections with what this log holds by 'semiont projections rebuild'");
        }
    }
}

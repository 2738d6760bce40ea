package org.semiont.server.projection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** The {@code projection_checkpoints} table: how far a projection has applied the global log. */
public final class Checkpoints {
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
        LocalDateTime at = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
        int updated;
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE projection_checkpoints SET position = ?, \"updatedAt\" = ? WHERE name = ? AND position = ?")) {
            ps.setLong(1, to);
            ps.setObject(2, at);
            ps.setString(3, name);
            ps.setLong(4, from);
            updated = ps.executeUpdate();
        }
        if (updated == 1) {
            return;
        }
        if (from == 0) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO projection_checkpoints (name, position, \"updatedAt\") "
                    + "VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING")) {
                ps.setString(1, name);
                ps.setLong(2, to);
                ps.setObject(3, at);
                if (ps.executeUpdate() == 1) {
                    return;
                }
            }
        }
        throw new ProjectionException("projection '" + name + "' is not at position " + from + " (found "
                + read(c, name) + "): another process is projecting into the same database; stop it, then restart");
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

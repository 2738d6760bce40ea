package org.semiont.server.auth;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.semiont.server.util.Sql;

/**
 * The {@code sessions} table: one row per sign-in. Operational state, written directly (never through the event log,
 * which would otherwise grow with every sign-in); losing it only signs people out.
 */
public final class SessionStore {
    private static final String COLUMNS = "id, \"userId\", method, \"createdAt\", \"lastUsedAt\", \"expiresAt\", generation, "
            + "\"revokedAt\", \"revokedReason\", \"clientAddress\", \"userAgent\"";
    private final DataSource pool;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public SessionStore(DataSource pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    /** A session as stored; {@code generation} counts the refresh-token rotations. */
    public record Session(String id, String userId, String method, Instant createdAt, Instant lastUsedAt, Instant expiresAt,
                          int generation, Instant revokedAt, String revokedReason, String clientAddress, String userAgent) {
        public boolean liveAt(Instant now) {
            return revokedAt == null && now.isBefore(expiresAt);
        }
    }

    /** Starts a session of {@code lifetime}; {@code method} says how the user signed in (password, google, local, cli). */
    public Session create(String userId, String method, Duration lifetime, String clientAddress, String userAgent) {
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        Session s = new Session(Base64.getUrlEncoder().withoutPadding().encodeToString(raw), userId, method, now(),
                now(), now().plus(lifetime), 0, null, null, cut(clientAddress, 64), cut(userAgent, 200));
        update("INSERT INTO sessions (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?)", s.id(), s.userId(), s.method(),
                Sql.utc(s.createdAt()), Sql.utc(s.lastUsedAt()), Sql.utc(s.expiresAt()), 0, null, null, s.clientAddress(),
                s.userAgent());
        return s;
    }

    public Optional<Session> find(String id) {
        List<Session> rows = query("SELECT " + COLUMNS + " FROM sessions WHERE id = ?", id);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    public List<Session> ofUser(String userId) {
        return query("SELECT " + COLUMNS + " FROM sessions WHERE \"userId\" = ? ORDER BY \"createdAt\" DESC", userId);
    }

    /** Moves a live session from {@code generation} to the next; false if it is not there (rotated, ended) any more. */
    public boolean rotate(String id, int generation) {
        return update("UPDATE sessions SET generation = generation + 1, \"lastUsedAt\" = ? WHERE id = ? AND generation = ? "
                + "AND \"revokedAt\" IS NULL AND \"expiresAt\" > ?", Sql.utc(now()), id, generation, Sql.utc(now())) == 1;
    }

    public boolean revoke(String id, String reason) {
        return update("UPDATE sessions SET \"revokedAt\" = ?, \"revokedReason\" = ? WHERE id = ? AND \"revokedAt\" IS NULL",
                Sql.utc(now()), reason, id) == 1;
    }

    /** Ends every live session of a user; how many there were. */
    public int revokeAll(String userId, String reason) {
        return update("UPDATE sessions SET \"revokedAt\" = ?, \"revokedReason\" = ? WHERE \"userId\" = ? AND \"revokedAt\" IS NULL",
                Sql.utc(now()), reason, userId);
    }

    /** Ends every live session of a user but one (a password change keeps the session that made it). */
    public int revokeOthers(String userId, String keep, String reason) {
        return update("UPDATE sessions SET \"revokedAt\" = ?, \"revokedReason\" = ? WHERE \"userId\" = ? AND id <> ? "
                + "AND \"revokedAt\" IS NULL", Sql.utc(now()), reason, userId, keep);
    }

    /** When each user last signed in (their newest session). */
    public Map<String, Instant> lastSignIns() {
        Map<String, Instant> out = new HashMap<>();
        run("SELECT \"userId\", max(\"createdAt\") AS max FROM sessions GROUP BY \"userId\"", List.of(),
                rs -> out.put(rs.getString(1), Sql.instant(rs, "max")));
        return out;
    }

    public Optional<Instant> lastSignIn(String userId) {
        Instant[] at = new Instant[1];
        run("SELECT max(\"createdAt\") AS max FROM sessions WHERE \"userId\" = ?", List.of(userId), rs -> at[0] = Sql.instant(rs, "max"));
        return Optional.ofNullable(at[0]);
    }

    /** Whether {@code address} signed in to this user's account since {@code since} (a known place for this account). */
    public boolean knownAddress(String userId, String address, Instant since) {
        boolean[] known = new boolean[1];
        run("SELECT 1 FROM sessions WHERE \"userId\" = ? AND \"clientAddress\" = ? AND \"createdAt\" > ? LIMIT 1",
                List.of(userId, address, Sql.utc(since)), rs -> known[0] = true);
        return known[0];
    }

    /** Deletes sessions that ended before {@code before}; how many. */
    public int prune(Instant before) {
        return update("DELETE FROM sessions WHERE \"expiresAt\" < ? OR \"revokedAt\" < ?", Sql.utc(before), Sql.utc(before));
    }

    private Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private interface RowHandler {
        void row(ResultSet rs) throws SQLException;
    }

    private List<Session> query(String sql, Object arg) {
        List<Session> out = new ArrayList<>();
        run(sql, List.of(arg), rs -> out.add(new Session(rs.getString("id"), rs.getString("userId"), rs.getString("method"),
                Sql.instant(rs, "createdAt"), Sql.instant(rs, "lastUsedAt"), Sql.instant(rs, "expiresAt"), rs.getInt("generation"),
                Sql.instant(rs, "revokedAt"), rs.getString("revokedReason"), rs.getString("clientAddress"), rs.getString("userAgent"))));
        return out;
    }

    private void run(String sql, List<Object> args, RowHandler handler) {
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    handler.row(rs);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read sessions: " + e.getMessage(), e);
        }
    }

    private int update(String sql, Object... args) {
        try (Connection c = pool.getConnection()) {
            return Sql.update(c, sql, args);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write sessions: " + e.getMessage(), e);
        }
    }
}

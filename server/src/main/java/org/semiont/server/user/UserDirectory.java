package org.semiont.server.user;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.semiont.server.util.Sql;

/**
 * Reads {@code users}. Rows by id are cached: only the projector changes users, and it invalidates the
 * ids it touched after each commit, so a cached row is never staler than the projection.
 */
public final class UserDirectory {
    static final String COLUMNS = "id, email, name, image, domain, provider, \"providerId\", \"isActive\", \"isAdmin\", "
            + "\"isModerator\", \"termsAcceptedAt\", \"lastLogin\", \"createdAt\", \"updatedAt\"";
    private final DataSource pool;
    private final Map<String, UserRecord> byId = new ConcurrentHashMap<>();
    private final AtomicLong invalidations = new AtomicLong();

    public UserDirectory(DataSource pool) {
        this.pool = pool;
    }

    public Optional<UserRecord> byId(String id) {
        UserRecord cached = byId.get(id);
        if (cached != null) {
            return Optional.of(cached);
        }
        long before = invalidations.get();
        Optional<UserRecord> found = one("SELECT " + COLUMNS + " FROM users WHERE id = ?", id);
        if (found.isPresent()) {
            byId.put(id, found.get());
            if (invalidations.get() != before) {
                byId.remove(id);
            }
        }
        return found;
    }

    public Optional<UserRecord> byEmail(String email) {
        return one("SELECT " + COLUMNS + " FROM users WHERE lower(email) = lower(?)", email);
    }

    /** The user's password hash, if the user has a password (read at sign-in only; never cached). */
    public Optional<String> passwordHash(String userId) {
        try (Connection c = pool.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT \"passwordHash\" FROM user_credentials WHERE \"userId\" = ?")) {
            ps.setString(1, userId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read user credentials: " + e.getMessage(), e);
        }
    }

    public String displayName(String id) {
        return byId(id).map(UserRecord::displayName).orElse(id);
    }

    public List<UserRecord> all() {
        return query("SELECT " + COLUMNS + " FROM users ORDER BY \"createdAt\" DESC, id");
    }

    void invalidate(String id) {
        invalidations.incrementAndGet();
        byId.remove(id);
    }

    private Optional<UserRecord> one(String sql, String arg) {
        List<UserRecord> rows = query(sql, arg);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    private List<UserRecord> query(String sql, Object... args) {
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<UserRecord> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(row(rs));
                }
                return out;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read users: " + e.getMessage(), e);
        }
    }

    private static UserRecord row(ResultSet rs) throws SQLException {
        return new UserRecord(rs.getString("id"), rs.getString("email"), rs.getString("name"), rs.getString("image"),
                rs.getString("domain"), rs.getString("provider"), rs.getString("providerId"), rs.getBoolean("isActive"),
                rs.getBoolean("isAdmin"), rs.getBoolean("isModerator"), Sql.instant(rs, "termsAcceptedAt"),
                Sql.instant(rs, "lastLogin"), Sql.instant(rs, "createdAt"), Sql.instant(rs, "updatedAt"));
    }
}

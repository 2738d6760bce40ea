package org.semiont.server.user;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.Objects;
import org.semiont.server.projection.BulkLoader;
import org.semiont.server.util.Sql;

/** {@link UserState}s in and out of {@code users} and {@code user_credentials}. */
final class UserRows {
    private static final String COLUMNS = "id, email, name, image, domain, provider, \"providerId\", \"isActive\", \"isAdmin\", "
            + "\"isModerator\", \"termsAcceptedAt\", \"lastLogin\", \"createdAt\", \"updatedAt\"";

    private UserRows() {
    }

    static UserState load(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT u." + COLUMNS.replace(", ", ", u.")
                + ", cr.\"passwordHash\", cr.\"updatedAt\" FROM users u LEFT JOIN user_credentials cr ON cr.\"userId\" = u.id WHERE u.id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                return new UserState(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getBoolean(8), rs.getBoolean(9), rs.getBoolean(10),
                        time(rs, 11), time(rs, 12), time(rs, 13), time(rs, 14), rs.getString(15), time(rs, 16));
            }
        }
    }

    private static LocalDateTime time(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, LocalDateTime.class);
    }

    /**
     * Writes {@code after} over {@code before} (either may be null: no user). A new user goes in with
     * {@code ON CONFLICT DO NOTHING}: another user's e-mail or provider id blocks it, as the table's unique keys say.
     */
    static void write(Connection c, UserState before, UserState after) throws SQLException {
        if (after == null) {
            if (before != null) {
                Sql.update(c, "DELETE FROM users WHERE id = ?", before.id());
                Sql.update(c, "DELETE FROM user_credentials WHERE \"userId\" = ?", before.id());
            }
            return;
        }
        if (before == null) {
            Sql.update(c, "INSERT INTO users (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING", row(after));
        } else if (!after.sameUserRow(before)) {
            Object[] v = java.util.Arrays.copyOf(row(after), 15);
            v[14] = before.id();
            Sql.update(c, "UPDATE users SET (" + COLUMNS + ") = (?,?,?,?,?,?,?,?,?,?,?,?,?,?) WHERE id = ?", v);
        }
        boolean credentialChanged = before == null ? after.hasPassword()
                : !Objects.equals(before.passwordHash(), after.passwordHash()) || !Objects.equals(before.passwordSetAt(), after.passwordSetAt());
        if (credentialChanged && after.hasPassword()) {
            Sql.update(c, "INSERT INTO user_credentials (\"userId\", \"passwordHash\", \"updatedAt\") SELECT id, ?, ? FROM users "
                    + "WHERE id = ? ON CONFLICT (\"userId\") DO UPDATE SET \"passwordHash\" = EXCLUDED.\"passwordHash\", "
                    + "\"updatedAt\" = EXCLUDED.\"updatedAt\"", after.passwordHash(), after.passwordSetAt(), after.id());
        }
    }

    private static Object[] row(UserState u) {
        return new Object[] {u.id(), u.email(), u.name(), u.image(), u.domain(), u.provider(), u.providerId(), u.isActive(),
                u.isAdmin(), u.isModerator(), u.termsAcceptedAt(), u.lastLogin(), u.createdAt(), u.updatedAt()};
    }

    static void copy(Connection c, Collection<UserState> users) throws SQLException {
        BulkLoader.copy(c, "users (" + COLUMNS + ")", users, (u, o) -> o.text(u.id()).text(u.email()).text(u.name())
                .text(u.image()).text(u.domain()).text(u.provider()).text(u.providerId()).bool(u.isActive()).bool(u.isAdmin())
                .bool(u.isModerator()).time(u.termsAcceptedAt()).time(u.lastLogin()).time(u.createdAt()).time(u.updatedAt()));
        BulkLoader.copy(c, "user_credentials (\"userId\", \"passwordHash\", \"updatedAt\")",
                users.stream().filter(UserState::hasPassword).toList(),
                (u, o) -> o.text(u.id()).text(u.passwordHash()).time(u.passwordSetAt()));
    }
}

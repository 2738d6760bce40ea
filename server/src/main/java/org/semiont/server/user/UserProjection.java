package org.semiont.server.user;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.semiont.events.StoredEvent;
import org.semiont.server.projection.Projection;
import org.semiont.server.util.Sql;

/** Projects {@code user.*} events into {@code users}; tells the directory which users changed. */
public final class UserProjection implements Projection {
    private final UserDirectory directory;
    private final Set<String> changed = new HashSet<>();

    public UserProjection(UserDirectory directory) {
        this.directory = directory;
    }

    @Override
    public boolean handles(String type) {
        return type.startsWith("user.");
    }

    @Override
    public void apply(Connection c, StoredEvent e, ObjectNode event) throws SQLException {
        JsonNode p = event.path("payload");
        String id = p.path("userId").asText();
        LocalDateTime at = Sql.utc(e.instant());
        switch (e.type()) {
            case UserEvents.CREATED -> Sql.update(c, "INSERT INTO users (id, email, name, image, domain, provider, \"providerId\", "
                            + "\"isActive\", \"isAdmin\", \"isModerator\", \"createdAt\", \"updatedAt\") VALUES (?,?,?,?,?,?,?,?,?,?,?,?) "
                            + "ON CONFLICT DO NOTHING", id, p.path("email").asText(), text(p, "name"), text(p, "image"),
                    p.path("domain").asText(), p.path("provider").asText("local"), text(p, "providerId"),
                    p.path("isActive").asBoolean(true), p.path("isAdmin").asBoolean(false), p.path("isModerator").asBoolean(false), at, at);
            case UserEvents.UPDATED -> update(c, id, p.path("changes"), at);
            case UserEvents.LOGGED_IN -> Sql.update(c, "UPDATE users SET \"lastLogin\" = ?, \"updatedAt\" = ? WHERE id = ?", at, at, id);
            case UserEvents.TERMS_ACCEPTED -> Sql.update(c, "UPDATE users SET \"termsAcceptedAt\" = ?, \"updatedAt\" = ? WHERE id = ?", at, at, id);
            case UserEvents.DELETED -> {
                Sql.update(c, "DELETE FROM users WHERE id = ?", id);
                Sql.update(c, "DELETE FROM user_credentials WHERE \"userId\" = ?", id);
            }
            case UserEvents.PASSWORD_SET -> Sql.update(c, "INSERT INTO user_credentials (\"userId\", \"passwordHash\", \"updatedAt\") "
                    + "SELECT id, ?, ? FROM users WHERE id = ? ON CONFLICT (\"userId\") DO UPDATE SET \"passwordHash\" = "
                    + "EXCLUDED.\"passwordHash\", \"updatedAt\" = EXCLUDED.\"updatedAt\"", p.path("passwordHash").asText(), at, id);
            default -> {
            }
        }
        changed.add(id);
    }

    private static void update(Connection c, String id, JsonNode changes, LocalDateTime at) throws SQLException {
        for (String field : List.of("isActive", "isAdmin", "isModerator")) {
            if (changes.has(field)) {
                Sql.update(c, "UPDATE users SET \"" + field + "\" = ?, \"updatedAt\" = ? WHERE id = ?", changes.get(field).asBoolean(), at, id);
            }
        }
        if (changes.has("name")) {
            Sql.update(c, "UPDATE users SET name = ?, \"updatedAt\" = ? WHERE id = ?", text(changes, "name"), at, id);
        }
    }

    private static String text(JsonNode p, String field) {
        JsonNode n = p.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }

    @Override
    public void afterCommit(List<StoredEvent> batch) {
        changed.forEach(directory::invalidate);
        changed.clear();
    }

    @Override
    public void afterRollback() {
        changed.clear();
    }

    @Override
    public void truncate(Connection c) throws SQLException {
        Sql.update(c, "DELETE FROM user_credentials");
        Sql.update(c, "DELETE FROM users");
    }
}

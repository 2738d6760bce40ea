package org.semiont.server.user;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDateTime;
import org.semiont.events.StoredEvent;

/**
 * The rules that turn {@code user.*} events into a user's {@code users} and {@code user_credentials} rows, as one pure
 * function used by the live projection and the bulk rebuild alike. A create on an existing user keeps the first; any
 * other event on a missing user is a no-op; a deletion removes both rows. Whether a create is blocked by another
 * user's e-mail or provider id is the table's unique keys' business ({@link UserTable} in memory).
 */
public final class UserFold {
    private UserFold() {
    }

    /** The user a {@code user.*} event is about. */
    public static String userId(JsonNode payload) {
        return payload.path("userId").asText();
    }

    /** The user after {@code e}; {@code user} is the user before (null: none); null when there is none after. */
    public static UserState apply(UserState user, StoredEvent e, ObjectNode event, LocalDateTime at) {
        JsonNode p = event.path("payload");
        if (UserEvents.CREATED.equals(e.type())) {
            return user != null ? user : created(p, at);
        }
        if (user == null) {
            return null;
        }
        return switch (e.type()) {
            case UserEvents.UPDATED -> updated(user, p.path("changes"), at);
            case UserEvents.LOGGED_IN -> user.with(user.name(), user.isActive(), user.isAdmin(), user.isModerator(),
                    user.termsAcceptedAt(), at, at);
            case UserEvents.TERMS_ACCEPTED -> user.with(user.name(), user.isActive(), user.isAdmin(), user.isModerator(), at,
                    user.lastLogin(), at);
            case UserEvents.PASSWORD_SET -> user.withPassword(p.path("passwordHash").asText(), at);
            case UserEvents.DELETED -> null;
            default -> user;
        };
    }

    private static UserState created(JsonNode p, LocalDateTime at) {
        return new UserState(userId(p), p.path("email").asText(), text(p, "name"), text(p, "image"), p.path("domain").asText(),
                p.path("provider").asText("local"), text(p, "providerId"), p.path("isActive").asBoolean(true),
                p.path("isAdmin").asBoolean(false), p.path("isModerator").asBoolean(false), null, null, at, at, null, null);
    }

    private static UserState updated(UserState u, JsonNode changes, LocalDateTime at) {
        boolean any = changes.has("isActive") || changes.has("isAdmin") || changes.has("isModerator") || changes.has("name");
        return u.with(changes.has("name") ? text(changes, "name") : u.name(),
                changes.has("isActive") ? changes.get("isActive").asBoolean() : u.isActive(),
                changes.has("isAdmin") ? changes.get("isAdmin").asBoolean() : u.isAdmin(),
                changes.has("isModerator") ? changes.get("isModerator").asBoolean() : u.isModerator(),
                u.termsAcceptedAt(), u.lastLogin(), any ? at : u.updatedAt());
    }

    private static String text(JsonNode p, String field) {
        JsonNode n = p.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }
}

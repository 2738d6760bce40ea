package org.semiont.server.user;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.semiont.events.EventLog;
import org.semiont.events.ExpectedVersion;
import org.semiont.events.NewEvent;
import org.semiont.events.StoredEvent;

/**
 * Users straight from the {@code __users__} stream, for CLI verbs run while no server holds the data dir:
 * the same fold the projection applies, without PostgreSQL. The next server start projects what was appended.
 */
public final class UserLedger {
    private final EventLog events;

    public UserLedger(EventLog events) {
        this.events = events;
    }

    public record State(Map<String, UserRecord> byId, long version) {
        public Optional<UserRecord> byEmail(String email) {
            return byId.values().stream().filter(u -> u.email().equalsIgnoreCase(email)).findFirst();
        }
    }

    public State read() {
        Map<String, UserRecord> users = new LinkedHashMap<>();
        long[] version = {0};
        try (Stream<StoredEvent> s = events.readStream(UserEvents.STREAM, 1)) {
            s.forEach(e -> {
                apply(users, e);
                version[0] = e.sequence();
            });
        }
        return new State(users, version[0]);
    }

    /** Appends {@code user.created} if the stream is still at the version read (no one else wrote meanwhile). */
    public UserRecord create(UserService.NewUser u, String id) {
        State state = read();
        String email = UserService.normalizeEmail(u.email());
        if (state.byEmail(email).isPresent()) {
            throw new IllegalArgumentException("A user with email " + email + " already exists");
        }
        ObjectNode p = JsonNodeFactory.instance.objectNode().put("userId", id).put("email", email);
        if (u.name() != null) {
            p.put("name", u.name());
        }
        p.put("domain", email.substring(email.indexOf('@') + 1)).put("provider", u.provider())
                .put("isActive", true).put("isAdmin", u.admin()).put("isModerator", u.moderator());
        events.append(UserEvents.STREAM, ExpectedVersion.exactly(state.version()),
                NewEvent.of(UserEvents.CREATED, null, UserService.SYSTEM_ACTOR, p));
        return read().byId().get(id);
    }

    /** Appends {@code user.password-set} for an existing user (a hash, never the password). */
    public void setPassword(String userId, String passwordHash, String actorId) {
        if (!read().byId().containsKey(userId)) {
            throw new IllegalArgumentException("No user with id " + userId);
        }
        events.append(UserEvents.STREAM, ExpectedVersion.any(), NewEvent.of(UserEvents.PASSWORD_SET, null, actorId,
                JsonNodeFactory.instance.objectNode().put("userId", userId).put("passwordHash", passwordHash)));
    }

    private static void apply(Map<String, UserRecord> users, StoredEvent e) {
        JsonNode p = e.event().path("payload");
        String id = p.path("userId").asText();
        Instant at = e.instant();
        UserRecord u = users.get(id);
        switch (e.type()) {
            case UserEvents.CREATED -> users.putIfAbsent(id, new UserRecord(id, p.path("email").asText(), text(p, "name"),
                    text(p, "image"), p.path("domain").asText(), p.path("provider").asText("local"), text(p, "providerId"),
                    p.path("isActive").asBoolean(true), p.path("isAdmin").asBoolean(false), p.path("isModerator").asBoolean(false),
                    null, null, at, at));
            case UserEvents.UPDATED -> {
                if (u != null) {
                    JsonNode c = p.path("changes");
                    users.put(id, new UserRecord(id, u.email(), c.has("name") ? text(c, "name") : u.name(), u.image(), u.domain(),
                            u.provider(), u.providerId(), c.path("isActive").asBoolean(u.active()), c.path("isAdmin").asBoolean(u.admin()),
                            c.path("isModerator").asBoolean(u.moderator()), u.termsAcceptedAt(), u.lastLogin(), u.createdAt(), at));
                }
            }
            case UserEvents.DELETED -> users.remove(id);
            default -> {
            }
        }
    }

    private static String text(JsonNode p, String field) {
        JsonNode n = p.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }
}

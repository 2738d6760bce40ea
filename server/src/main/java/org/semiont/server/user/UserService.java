package org.semiont.server.user;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.semiont.server.error.DomainException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.semiont.events.ExpectedVersion;
import org.semiont.events.NewEvent;
import org.semiont.server.write.EventWriter;

/** Changes users only by appending to {@code __users__}; one writer at a time so email checks hold. */
public final class UserService {
    public static final String SYSTEM_ACTOR = "00000000-0000-0000-0000-000000000000";
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]{1,255}$");
    private final UserDirectory directory;
    private final EventWriter writer;
    private final Supplier<String> ids;

    public UserService(UserDirectory directory, EventWriter writer, Supplier<String> ids) {
        this.directory = directory;
        this.writer = writer;
        this.ids = ids;
    }

    /** What a new user gets; {@code provider} is "local", "google" or "cli". */
    public record NewUser(String email, String name, String image, String provider, String providerId,
                          boolean admin, boolean moderator) {
    }

    public synchronized UserRecord create(NewUser u, String actorId) {
        String email = normalizeEmail(u.email());
        if (directory.byEmail(email).isPresent()) {
            throw DomainException.conflict("A user with email " + email + " already exists; "
                    + "use PATCH /api/admin/users/{id} to change it");
        }
        String id = ids.get();
        ObjectNode p = JsonNodeFactory.instance.objectNode().put("userId", id).put("email", email);
        if (u.name() != null) {
            p.put("name", u.name());
        }
        if (u.image() != null) {
            p.put("image", u.image());
        }
        p.put("domain", email.substring(email.indexOf('@') + 1)).put("provider", u.provider());
        if (u.providerId() != null) {
            p.put("providerId", u.providerId());
        }
        p.put("isActive", true).put("isAdmin", u.admin()).put("isModerator", u.moderator());
        append(UserEvents.CREATED, actorId, p);
        return directory.byId(id).orElseThrow();
    }

    public static String normalizeEmail(String email) {
        if (email == null || !EMAIL.matcher(email.trim()).matches()) {
            throw DomainException.invalid("VALIDATION_FAILED", "email must look like name@domain, got "
                    + (email == null ? "nothing" : "\"" + email + "\""));
        }
        return email.trim().toLowerCase(Locale.ROOT);
    }

    /** Sets a user's password: its hash (never the password) goes into the log, by whoever {@code actorId} is. */
    public void setPassword(String userId, String passwordHash, String actorId) {
        require(userId);
        append(UserEvents.PASSWORD_SET, actorId, JsonNodeFactory.instance.objectNode().put("userId", userId)
                .put("passwordHash", passwordHash));
    }

    /** The stored password hash of a user, if the user has a password. */
    public Optional<String> passwordHash(String userId) {
        return directory.passwordHash(userId);
    }

    public UserRecord acceptTerms(UserRecord u) {
        append(UserEvents.TERMS_ACCEPTED, u.id(), JsonNodeFactory.instance.objectNode().put("userId", u.id()));
        return directory.byId(u.id()).orElseThrow();
    }

    /** Applies {isAdmin?, isActive?, isModerator?, name?}; unknown users are a 404. */
    public synchronized UserRecord update(String id, ObjectNode changes, String actorId) {
        UserRecord u = require(id);
        ObjectNode real = realChanges(u, changes);
        if (real.isEmpty()) {
            // nothing to change (a retried PATCH, say): no event, the user as it is
            return u;
        }
        if (!real.path("isAdmin").asBoolean(true) || !real.path("isActive").asBoolean(true)) {
            keepAnAdmin(u, "demoted or deactivated");
        }
        append(UserEvents.UPDATED, actorId, JsonNodeFactory.instance.objectNode().put("userId", id).set("changes", real));
        return directory.byId(id).orElseThrow();
    }

    /** The changes that differ from the user as it is. */
    private static ObjectNode realChanges(UserRecord u, ObjectNode changes) {
        ObjectNode real = JsonNodeFactory.instance.objectNode();
        changes.properties().forEach(f -> {
            Object now = switch (f.getKey()) {
                case "isAdmin" -> u.admin();
                case "isActive" -> u.active();
                case "isModerator" -> u.moderator();
                case "name" -> u.name();
                default -> null;
            };
            Object asked = f.getValue().isBoolean() ? f.getValue().booleanValue() : f.getValue().asText();
            if (!asked.equals(now)) {
                real.set(f.getKey(), f.getValue());
            }
        });
        return real;
    }

    public synchronized void delete(String id, String actorId) {
        if (id.equals(actorId)) {
            throw DomainException.invalid("BAD_REQUEST", "You cannot delete your own account; ask another admin");
        }
        keepAnAdmin(require(id), "deleted");
        append(UserEvents.DELETED, actorId, JsonNodeFactory.instance.objectNode().put("userId", id));
    }

    public Optional<UserRecord> byId(String id) {
        return directory.byId(id);
    }

    public Optional<UserRecord> byEmail(String email) {
        return directory.byEmail(email);
    }

    private UserRecord require(String id) {
        return directory.byId(id).orElseThrow(() -> DomainException.notFound("No user with id " + id));
    }

    /** Nobody could manage users any more (only `semiont useradd --admin` for a new user would help): refused. */
    private void keepAnAdmin(UserRecord u, String what) {
        if (u.active() && u.admin() && directory.all().stream().filter(o -> o.active() && o.admin()).count() == 1) {
            throw DomainException.conflict("User " + u.email() + " is the last active admin and cannot be "
                    + what + "; make another user an admin first");
        }
    }

    private void append(String type, String actorId, ObjectNode payload) {
        writer.write(UserEvents.STREAM, ExpectedVersion.any(), NewEvent.of(type, null, actorId, payload));
    }
}

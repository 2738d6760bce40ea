package org.semiont.server.user;

import java.util.Locale;
import java.util.Optional;

/**
 * Who may change or delete what someone else made: by default ({@code owner}) an annotation is changed or deleted,
 * and a document archived or re-typed, only by its creator, a moderator or an admin; {@code everyone}
 * ({@code SEMIONT_EDIT_POLICY=everyone}) keeps the earlier behaviour, where any signed-in user may.
 */
public record EditPolicy(boolean everyone) {
    public static final String VARIABLE = "SEMIONT_EDIT_POLICY";

    public static EditPolicy owner() {
        return new EditPolicy(false);
    }

    public static EditPolicy parse(Optional<String> value) {
        String v = value.map(s -> s.trim().toLowerCase(Locale.ROOT)).orElse("owner");
        return switch (v) {
            case "owner", "" -> owner();
            case "everyone" -> new EditPolicy(true);
            default -> throw new org.semiont.server.config.ConfigException(VARIABLE + " must be 'owner' (the default: creators, "
                    + "moderators and admins change what was made) or 'everyone', got \"" + value.get() + "\".");
        };
    }

    public boolean mayChange(Actor actor, String creatorId) {
        return everyone || actor.admin() || actor.moderator() || actor.userId().equals(creatorId);
    }
}

package org.semiont.server.user;

import java.time.Instant;

/** A row of {@code users}. */
public record UserRecord(String id, String email, String name, String image, String domain, String provider,
                         String providerId, boolean active, boolean admin, boolean moderator, Instant termsAcceptedAt,
                         Instant lastLogin, Instant createdAt, Instant updatedAt) {
    /** What other users see of this user: the name if set, else the e-mail's local part (never the address). */
    public String displayName() {
        return displayName(name, email);
    }

    /** {@link #displayName()} of a name and an e-mail. */
    public static String displayName(String name, String email) {
        if (name != null && !name.isBlank()) {
            return name;
        }
        int at = email == null ? -1 : email.indexOf('@');
        return at < 0 ? String.valueOf(email) : email.substring(0, at);
    }
}

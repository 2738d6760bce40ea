package org.semiont.server.user;

import java.time.Instant;

/** A row of {@code users}. */
public record UserRecord(String id, String email, String name, String image, String domain, String provider,
                         String providerId, boolean active, boolean admin, boolean moderator, Instant termsAcceptedAt,
                         Instant lastLogin, Instant createdAt, Instant updatedAt) {
    /** Name if set, else the email: what an annotation's creator shows. */
    public String displayName() {
        return name == null || name.isBlank() ? email : name;
    }
}

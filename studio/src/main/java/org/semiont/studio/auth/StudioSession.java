package org.semiont.studio.auth;

import java.time.Instant;

/**
 * A signed-in person: who, whether they may write (admins) or only read (moderators), and the token every form of
 * theirs carries (CSRF).
 */
public record StudioSession(String id, String userId, String email, String name, boolean admin, String csrf,
                            Instant createdAt, Instant lastSeen) {
    public boolean mayWrite() {
        return admin;
    }

    public String role() {
        return admin ? "admin" : "moderator (read only)";
    }

    StudioSession seen(Instant now) {
        return new StudioSession(id, userId, email, name, admin, csrf, createdAt, now);
    }
}

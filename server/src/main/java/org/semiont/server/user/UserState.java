package org.semiont.server.user;

import java.time.LocalDateTime;

/**
 * A user as the projection rules make them: the {@code users} row, and the {@code user_credentials} row when a
 * password was set ({@code passwordHash} and {@code passwordSetAt} both null otherwise). Times in UTC, as stored.
 */
public record UserState(String id, String email, String name, String image, String domain, String provider,
                        String providerId, boolean isActive, boolean isAdmin, boolean isModerator,
                        LocalDateTime termsAcceptedAt, LocalDateTime lastLogin, LocalDateTime createdAt,
                        LocalDateTime updatedAt, String passwordHash, LocalDateTime passwordSetAt) {
    /** What other users see of this user (see {@link UserRecord#displayName(String, String)}). */
    public String displayName() {
        return UserRecord.displayName(name, email);
    }

    /** The same user without the credential columns: what {@code users} holds. */
    boolean sameUserRow(UserState o) {
        return o != null && withPassword(null, null).equals(o.withPassword(null, null));
    }

    boolean hasPassword() {
        return passwordHash != null;
    }

    UserState withPassword(String hash, LocalDateTime at) {
        return new UserState(id, email, name, image, domain, provider, providerId, isActive, isAdmin, isModerator,
                termsAcceptedAt, lastLogin, createdAt, updatedAt, hash, at);
    }

    UserState with(String newName, boolean active, boolean admin, boolean moderator, LocalDateTime terms, LocalDateTime login,
                   LocalDateTime updated) {
        return new UserState(id, email, newName, image, domain, provider, providerId, active, admin, moderator, terms, login,
                createdAt, updated, passwordHash, passwordSetAt);
    }

    /** The key of the unique index on (provider, providerId); null when there is no provider id. */
    String providerKey() {
        return providerId == null ? null : provider + '\u0000' + providerId;
    }
}

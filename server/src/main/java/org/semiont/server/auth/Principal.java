package org.semiont.server.auth;

import org.semiont.server.user.UserRecord;

/** Who is calling: an active user, or the CLI's service identity (admin, no user row). */
public record Principal(String userId, UserRecord user, boolean admin, boolean moderator) {
    public static Principal of(UserRecord u) {
        return new Principal(u.id(), u, u.admin(), u.moderator());
    }

    public static Principal service() {
        return new Principal(JwtCodec.SERVICE_ID, null, true, true);
    }

    public String email() {
        return user == null ? JwtCodec.SERVICE_ID : user.email();
    }
}

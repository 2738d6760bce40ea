package org.semiont.server.auth;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.semiont.server.logging.LogTimestamps;
import org.semiont.server.user.UserRecord;

/** The original's user shapes: AuthResponse.user, UserResponse, and the admin list item. */
final class UserJson {
    private UserJson() {
    }

    static ObjectNode brief(UserRecord u) {
        ObjectNode o = JsonNodeFactory.instance.objectNode().put("id", u.id()).put("email", u.email());
        o.put("name", u.displayName()).put("image", u.image()).put("domain", u.domain()).put("isAdmin", u.admin());
        return o;
    }

    /**
     * UserResponse: the name is the display name until one is set; {@code lastLogin} is the last sign-in (the newest
     * session, else what older logs recorded), left out when the user never signed in rather than null.
     */
    static ObjectNode full(UserRecord u, Instant lastSignIn) {
        ObjectNode o = brief(u);
        o.put("provider", u.provider()).put("isActive", u.active()).put("isModerator", u.moderator());
        o.put("termsAcceptedAt", time(u.termsAcceptedAt()));
        Instant last = latest(lastSignIn, u.lastLogin());
        if (last != null) {
            o.put("lastLogin", time(last));
        }
        o.put("created", time(u.createdAt()));
        return o;
    }

    static ObjectNode admin(UserRecord u, Instant lastSignIn) {
        return full(u, lastSignIn).put("updatedAt", time(u.updatedAt()));
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    private static String time(Instant i) {
        return i == null ? null : LogTimestamps.format(i);
    }
}

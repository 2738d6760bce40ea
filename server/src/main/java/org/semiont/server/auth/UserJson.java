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
        o.put("name", u.name()).put("image", u.image()).put("domain", u.domain()).put("isAdmin", u.admin());
        return o;
    }

    static ObjectNode full(UserRecord u) {
        ObjectNode o = brief(u);
        o.put("provider", u.provider()).put("isActive", u.active()).put("isModerator", u.moderator());
        o.put("termsAcceptedAt", time(u.termsAcceptedAt())).put("lastLogin", time(u.lastLogin()));
        o.put("created", time(u.createdAt()));
        return o;
    }

    static ObjectNode admin(UserRecord u) {
        return full(u).put("updatedAt", time(u.updatedAt()));
    }

    private static String time(Instant i) {
        return i == null ? null : LogTimestamps.format(i);
    }
}

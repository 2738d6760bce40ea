package org.semiont.server.user;

/** Who makes a change, as the domain sees it: a user id and the roles that widen what the user may change. */
public record Actor(String userId, boolean admin, boolean moderator) {
}

package org.semiont.server.auth;

import java.time.Instant;

/** What a verified token says. {@code service} marks the CLI's short-lived admin token (no user row). */
public record Claims(String userId, String email, boolean service, Instant expiresAt) {
}

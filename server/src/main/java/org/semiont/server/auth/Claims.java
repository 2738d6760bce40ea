package org.semiont.server.auth;

import java.time.Instant;

/**
 * What a verified token says. {@code service} marks the CLI's short-lived admin token (no user row, no session).
 * {@code use} is {@link JwtCodec#ACCESS} or {@link JwtCodec#REFRESH}; {@code sessionId} names the session the token
 * belongs to and {@code generation} the refresh rotation it was issued at.
 */
public record Claims(String userId, String email, boolean service, Instant expiresAt, String use, String sessionId,
                     int generation) {
    public boolean access() {
        return JwtCodec.ACCESS.equals(use);
    }

    public boolean refresh() {
        return JwtCodec.REFRESH.equals(use);
    }
}

package org.semiont.server.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.AlgorithmMismatchException;
import com.auth0.jwt.exceptions.IncorrectClaimException;
import com.auth0.jwt.exceptions.JWTDecodeException;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.exceptions.SignatureVerificationException;
import com.auth0.jwt.exceptions.TokenExpiredException;
import com.auth0.jwt.interfaces.DecodedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.semiont.server.error.DomainException;
import org.semiont.server.user.UserRecord;

/**
 * Signs and verifies HS256 JWTs. Access tokens carry the original's payload {userId,email,name?,domain,provider,
 * isAdmin,iat,exp,iss} plus {@code sid} (their session) and {@code use: "access"}; refresh tokens carry {@code userId},
 * {@code sid}, {@code gen} (the session's rotation) and {@code use: "refresh"}, and are taken only by the refresh
 * route. A token is checked strictly: each part must be canonical base64url (no padding, no spare bits), so one
 * token has exactly one spelling.
 */
public final class JwtCodec {
    /** Access tokens of the CLI ('semiont token'): an operator's explicit choice, as the original's login tokens. */
    public static final Duration LOGIN_TTL = Duration.ofDays(7);
    /** Access tokens from a sign-in or a refresh: short-lived, renewed with the refresh token. */
    public static final Duration ACCESS_TTL = Duration.ofHours(1);
    /** How long a session (and its refresh tokens) lives at most. */
    public static final Duration SESSION_TTL = Duration.ofDays(30);
    public static final String ACCESS = "access";
    public static final String REFRESH = "refresh";
    public static final Duration SERVICE_TTL = Duration.ofMinutes(2);
    public static final String SERVICE_ID = "semiont-cli";
    static final int VERIFIED_CACHE_SIZE = 10_000;
    private final Algorithm algorithm;
    private final String issuer;
    private final Clock clock;
    private final JWTVerifier verifier;
    /** Verifies tokens signed with the secret before a rotation ({@code JWT_SECRET_PREVIOUS}), if there is one. */
    private final java.util.Optional<JWTVerifier> previousVerifier;
    /**
     * Tokens already verified, keyed by their full text (signature included): a client sends the same token with
     * every request, and HMAC plus claim decoding was a tenth of a small request's CPU. Expiry is still checked
     * on every use; the map is emptied when it grows past its bound.
     */
    private final Map<String, Claims> verified = new ConcurrentHashMap<>();

    public JwtCodec(String secret, String issuer, Clock clock) {
        this(secret, java.util.Optional.empty(), issuer, clock);
    }

    /** Signs with {@code secret}; also accepts tokens signed with {@code previousSecret} (a rotation in progress). */
    public JwtCodec(String secret, java.util.Optional<String> previousSecret, String issuer, Clock clock) {
        this.algorithm = Algorithm.HMAC256(secret);
        this.issuer = issuer;
        this.clock = clock;
        this.verifier = verifier(algorithm, issuer, clock);
        this.previousVerifier = previousSecret.map(p -> verifier(Algorithm.HMAC256(p), issuer, clock));
    }

    private static JWTVerifier verifier(Algorithm algorithm, String issuer, Clock clock) {
        return ((JWTVerifier.BaseVerification) JWT.require(algorithm).withIssuer(issuer)).build(clock);
    }

    /** An access token of {@code sessionId}, valid for {@code ttl} (never past {@code sessionEnd}). */
    public String issueAccess(UserRecord u, String sessionId, Duration ttl, Instant sessionEnd) {
        Instant now = clock.instant();
        Instant end = now.plus(ttl).isAfter(sessionEnd) ? sessionEnd : now.plus(ttl);
        var b = JWT.create().withClaim("userId", u.id()).withClaim("email", u.email());
        if (u.name() != null) {
            b.withClaim("name", u.name());
        }
        return b.withClaim("domain", u.domain()).withClaim("provider", u.provider()).withClaim("isAdmin", u.admin())
                .withClaim("sid", sessionId).withClaim("use", ACCESS).withIssuedAt(now).withExpiresAt(end)
                .withIssuer(issuer).sign(algorithm);
    }

    /** The refresh token of a session at rotation {@code generation}; it expires with the session. */
    public String issueRefresh(String userId, String sessionId, int generation, Instant sessionEnd) {
        return JWT.create().withClaim("userId", userId).withClaim("sid", sessionId).withClaim("gen", generation)
                .withClaim("use", REFRESH).withIssuedAt(clock.instant()).withExpiresAt(sessionEnd).withIssuer(issuer)
                .sign(algorithm);
    }

    /** A short-lived admin token for the CLI, which holds the secret file anyway. */
    public String issueService() {
        Instant now = clock.instant();
        return JWT.create().withClaim("userId", SERVICE_ID).withClaim("service", true).withIssuedAt(now)
                .withExpiresAt(now.plus(SERVICE_TTL)).withIssuer(issuer).sign(algorithm);
    }

    public Claims verify(String token) {
        Claims known = verified.get(token);
        if (known == null) {
            if (!canonical(token)) {
                throw unauthorized("Invalid token: not a JWT in canonical form (header.payload.signature, base64url without "
                        + "padding)");
            }
            known = decode(token);
            if (verified.size() >= VERIFIED_CACHE_SIZE) {
                verified.clear();
            }
            verified.put(token, known);
        } else if (clock.instant().isAfter(known.expiresAt())) {
            verified.remove(token);
            throw expired(known.expiresAt());
        }
        return known;
    }

    private Claims decode(String token) {
        DecodedJWT jwt;
        try {
            jwt = verifyWithCurrentOrPrevious(token);
        } catch (TokenExpiredException e) {
            throw expired(e.getExpiredOn());
        } catch (SignatureVerificationException | AlgorithmMismatchException e) {
            throw unauthorized("Invalid token: its signature does not match this server's JWT_SECRET");
        } catch (IncorrectClaimException e) {
            throw unauthorized("Invalid token: claim '" + e.getClaimName() + "' is not what this server issues");
        } catch (JWTDecodeException e) {
            throw unauthorized("Invalid token: not a JWT (expected header.payload.signature)");
        } catch (JWTVerificationException e) {
            throw unauthorized("Invalid token: " + e.getMessage());
        }
        String userId = jwt.getClaim("userId").asString();
        if (userId == null || jwt.getExpiresAtAsInstant() == null) {
            throw unauthorized("Invalid token: it has no userId or no expiry");
        }
        boolean service = Boolean.TRUE.equals(jwt.getClaim("service").asBoolean());
        if (service && (!SERVICE_ID.equals(userId) || jwt.getIssuedAtAsInstant() == null || Duration.between(jwt.getIssuedAtAsInstant(), jwt.getExpiresAtAsInstant())
                .compareTo(SERVICE_TTL) > 0)) {
            throw unauthorized("Invalid token: a service token must be for " + SERVICE_ID + " and live at most " + SERVICE_TTL);
        }
        Integer gen = jwt.getClaim("gen").asInt();
        return new Claims(userId, jwt.getClaim("email").asString(), service, jwt.getExpiresAtAsInstant(),
                jwt.getClaim("use").asString(), jwt.getClaim("sid").asString(), gen == null ? 0 : gen);
    }

    private DecodedJWT verifyWithCurrentOrPrevious(String token) {
        try {
            return verifier.verify(token);
        } catch (SignatureVerificationException e) {
            if (previousVerifier.isEmpty()) {
                throw e;
            }
            return previousVerifier.get().verify(token);
        }
    }

    /**
     * Three parts, each base64url that decodes and encodes back to itself: a signature with a changed last character
     * (bits the decoder ignores) or a trailing '=' spells the same bytes, and is refused.
     */
    static boolean canonical(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || !part.chars().allMatch(JwtCodec::base64url)) {
                return false;
            }
            try {
                byte[] bytes = Base64.getUrlDecoder().decode(part);
                if (!Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).equals(part)) {
                    return false;
                }
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        return true;
    }

    private static boolean base64url(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }

    int cachedTokens() {
        return verified.size();
    }

    private static DomainException expired(Instant at) {
        return unauthorized("Token expired at " + at + "; get a new one (POST /api/tokens/refresh with your refresh token, "
                + "or sign in again)");
    }

    static DomainException unauthorized(String message) {
        return DomainException.unauthenticated("UNAUTHORIZED", message);
    }
}

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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.semiont.server.http.ApiError;
import org.semiont.server.http.ApiException;
import org.semiont.server.user.UserRecord;

/** Signs and verifies HS256 JWTs with the original's payload {userId,email,name?,domain,provider,isAdmin,iat,exp,iss}. */
public final class JwtCodec {
    public static final Duration LOGIN_TTL = Duration.ofDays(7);
    public static final Duration ACCESS_TTL = Duration.ofHours(1);
    public static final Duration SERVICE_TTL = Duration.ofMinutes(2);
    public static final String SERVICE_ID = "semiont-cli";
    static final int VERIFIED_CACHE_SIZE = 10_000;
    private final Algorithm algorithm;
    private final String issuer;
    private final Clock clock;
    private final JWTVerifier verifier;
    /**
     * Tokens already verified, keyed by their full text (signature included): a client sends the same token with
     * every request, and HMAC plus claim decoding was a tenth of a small request's CPU. Expiry is still checked
     * on every use; the map is emptied when it grows past its bound.
     */
    private final Map<String, Claims> verified = new ConcurrentHashMap<>();

    public JwtCodec(String secret, String issuer, Clock clock) {
        this.algorithm = Algorithm.HMAC256(secret);
        this.issuer = issuer;
        this.clock = clock;
        this.verifier = ((JWTVerifier.BaseVerification) JWT.require(algorithm).withIssuer(issuer)).build(clock);
    }

    public String issue(UserRecord u, Duration ttl) {
        Instant now = clock.instant();
        var b = JWT.create().withClaim("userId", u.id()).withClaim("email", u.email());
        if (u.name() != null) {
            b.withClaim("name", u.name());
        }
        return b.withClaim("domain", u.domain()).withClaim("provider", u.provider()).withClaim("isAdmin", u.admin())
                .withIssuedAt(now).withExpiresAt(now.plus(ttl)).withIssuer(issuer).sign(algorithm);
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
            jwt = verifier.verify(token);
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
        return new Claims(userId, jwt.getClaim("email").asString(), service, jwt.getExpiresAtAsInstant());
    }

    int cachedTokens() {
        return verified.size();
    }

    private static ApiException expired(Instant at) {
        return unauthorized("Token expired at " + at + "; get a new one (POST /api/tokens/refresh or /api/tokens/local)");
    }

    static ApiException unauthorized(String message) {
        return new ApiException(ApiError.UNAUTHORIZED, message);
    }
}

package org.semiont.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.semiont.server.error.DomainException;
import org.semiont.server.user.UserRecord;
import org.semiont.server.user.UserService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks sign-in credentials: throttled ({@link SignInThrottle}), at most one Argon2id computation per core at a time
 * (each takes ~19 MiB and tens of milliseconds, so unbounded sign-ins would be a cheap way to exhaust the server),
 * the same answer and the same work for an unknown account, a wrong password and a deactivated account. A hash made
 * at an older cost is replaced at the next successful sign-in.
 */
public final class PasswordCheck {
    private static final Logger log = LoggerFactory.getLogger(PasswordCheck.class);
    /** Where a known place is looked up: sign-ins to the account within this time. */
    static final Duration KNOWN_PLACE = Duration.ofDays(30);
    private final UserService users;
    private final PasswordHasher hasher;
    private final SignInThrottle throttle;
    private final SessionStore sessions;
    private final Clock clock;
    private final Semaphore hashing = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors()), true);

    public PasswordCheck(UserService users, PasswordHasher hasher, SignInThrottle throttle, SessionStore sessions, Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.throttle = throttle;
        this.sessions = sessions;
        this.clock = clock;
    }

    /** The active user with this e-mail and password, else 401 (or 429 when throttled). */
    public UserRecord signIn(String email, char[] password, String address) {
        Optional<UserRecord> user = users.byEmail(email);
        take(email, address, user);
        try {
            boolean ok = hashed(() -> {
                Optional<String> hash = user.flatMap(u -> users.passwordHash(u.id()));
                if (hash.isEmpty()) {
                    hasher.verifyNothing(password);
                    return false;
                }
                return hasher.verify(password, hash.get());
            });
            if (!ok || !user.get().active()) {
                throttle.failed(email, address);
                throw DomainException.unauthenticated("INVALID_CREDENTIALS", TokenRoutes.INVALID);
            }
            throttle.succeeded(email, address);
            rehashIfOld(user.get(), password);
            return user.get();
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** Sign-in by e-mail alone (development): throttled like passwords, one answer for unknown and deactivated. */
    public UserRecord withoutPassword(String email, String address) {
        Optional<UserRecord> user = users.byEmail(email);
        take(email, address, user);
        if (user.isEmpty() || !user.get().active()) {
            throttle.failed(email, address);
            throw DomainException.unauthenticated("INVALID_CREDENTIALS", "Sign-in failed: no active user has that e-mail");
        }
        throttle.succeeded(email, address);
        return user.get();
    }

    /** The per-address part of the throttle alone (sign-ins that name no account, such as Google's). */
    public void throttleAddress(String address) {
        throttle.attempt("", address, a -> true).ifPresent(wait -> {
            throw TokenRoutes.tooMany(wait);
        });
    }

    private void take(String email, String address, Optional<UserRecord> user) {
        throttle.attempt(email, address, a -> user.map(u -> sessions.knownAddress(u.id(), a, clock.instant().minus(KNOWN_PLACE)))
                .orElse(false)).ifPresent(wait -> {
                    log.warn("Sign-in attempts for an account were throttled ({} s) from {}", wait.toSeconds(), address);
                    throw TokenRoutes.tooMany(wait);
                });
    }

    private void rehashIfOld(UserRecord u, char[] password) {
        users.passwordHash(u.id()).filter(hasher::needsRehash).ifPresent(old ->
                users.setPassword(u.id(), hashed(() -> hasher.hash(password)), u.id()));
    }

    /** Hashes a new password (bounded like verification). */
    public String hash(char[] password) {
        return hashed(() -> hasher.hash(password));
    }

    private <T> T hashed(java.util.function.Supplier<T> work) {
        try {
            if (!hashing.tryAcquire(10, TimeUnit.SECONDS)) {
                throw DomainException.unavailable("The server is busy checking passwords; try again shortly");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DomainException.unavailable("Interrupted while checking the password");
        }
        try {
            return work.get();
        } finally {
            hashing.release();
        }
    }
}

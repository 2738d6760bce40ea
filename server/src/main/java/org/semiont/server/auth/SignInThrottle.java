package org.semiont.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Slows password guessing without letting an attacker lock anyone out for good (OWASP: count failures per account;
 * lockouts must not become a denial of service):
 * <ul>
 * <li>each client address gets {@code perMinute} attempts at once, then one every minute / {@code perMinute}
 * ({@value #DEFAULT_PER_MINUTE} by default);</li>
 * <li>after {@value #PAIR_FREE_FAILURES} failures in a row for one account from one address, that address waits
 * before its next try for that account: 30 s, doubling with each failure, at most 15 min;</li>
 * <li>after {@value #ACCOUNT_FAILURES} failures for one account within {@link #ACCOUNT_WINDOW} from anywhere, the
 * account is guarded: only addresses that signed in to it before (its known places) may try, so a distributed attack
 * cannot lock its owner out, and the guard lifts as those failures age.</li>
 * </ul>
 * Unknown accounts are counted exactly like real ones, so the answers do not tell them apart. State is in memory and
 * bounded; a restart forgets it.
 */
public final class SignInThrottle {
    /** Sign-in attempts per minute one client address gets by default ({@code SEMIONT_SIGNIN_RATE}). */
    public static final int DEFAULT_PER_MINUTE = 20;
    public static final String VARIABLE = "SEMIONT_SIGNIN_RATE";
    static final int PAIR_FREE_FAILURES = 5;
    static final Duration PAIR_FIRST_WAIT = Duration.ofSeconds(30);
    static final Duration PAIR_MAX_WAIT = Duration.ofMinutes(15);
    static final int ACCOUNT_FAILURES = 20;
    static final Duration ACCOUNT_WINDOW = Duration.ofMinutes(15);
    static final int MAX_ENTRIES = 100_000;
    private final Clock clock;
    private final int burst;
    private final long refillMillis;
    private final Map<String, Bucket> addresses = bounded();
    private final Map<String, PairState> pairs = bounded();
    private final Map<String, Deque<Instant>> accounts = bounded();

    public SignInThrottle(Clock clock, int perMinute) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("sign-ins per minute must be at least 1, not " + perMinute);
        }
        this.clock = clock;
        this.burst = perMinute;
        this.refillMillis = Math.max(1, 60_000L / perMinute);
    }

    private static <V> Map<String, V> bounded() {
        return new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > MAX_ENTRIES;
            }
        };
    }

    private static final class Bucket {
        double tokens;
        Instant at;

        Bucket(Instant at, int tokens) {
            this.at = at;
            this.tokens = tokens;
        }
    }

    private static final class PairState {
        int failures;
        Instant last;
    }

    /**
     * Takes one attempt for {@code account} (a normalized e-mail) from {@code address}; the wait before the next may
     * be made, if this one may not. {@code knownPlace} says whether the address signed in to the account before.
     */
    public synchronized Optional<Duration> attempt(String account, String address, Predicate<String> knownPlace) {
        Instant now = clock.instant();
        Bucket b = addresses.computeIfAbsent(address, a -> new Bucket(now, burst));
        b.tokens = Math.min(burst, b.tokens + (double) Duration.between(b.at, now).toMillis() / refillMillis);
        b.at = now;
        if (b.tokens < 1) {
            return Optional.of(Duration.ofMillis((long) ((1 - b.tokens) * refillMillis)).plusSeconds(1));
        }
        PairState pair = pairs.get(pair(account, address));
        if (pair != null && pair.failures >= PAIR_FREE_FAILURES) {
            Instant until = pair.last.plus(pairWait(pair.failures));
            if (now.isBefore(until)) {
                return Optional.of(Duration.between(now, until).plusSeconds(1));
            }
        }
        Deque<Instant> recent = recentFailures(account, now);
        if (recent.size() >= ACCOUNT_FAILURES && !knownPlace.test(address)) {
            return Optional.of(Duration.between(now, recent.peekFirst().plus(ACCOUNT_WINDOW)).plusSeconds(1));
        }
        b.tokens -= 1;
        return Optional.empty();
    }

    public synchronized void failed(String account, String address) {
        Instant now = clock.instant();
        PairState p = pairs.computeIfAbsent(pair(account, address), k -> new PairState());
        p.failures++;
        p.last = now;
        Deque<Instant> recent = recentFailures(account, now);
        recent.addLast(now);
        while (recent.size() > ACCOUNT_FAILURES) {
            recent.removeFirst();
        }
    }

    public synchronized void succeeded(String account, String address) {
        pairs.remove(pair(account, address));
    }

    private Deque<Instant> recentFailures(String account, Instant now) {
        Deque<Instant> d = accounts.computeIfAbsent(account, a -> new ArrayDeque<>());
        while (!d.isEmpty() && !d.peekFirst().plus(ACCOUNT_WINDOW).isAfter(now)) {
            d.removeFirst();
        }
        return d;
    }

    static Duration pairWait(int failures) {
        int doublings = Math.min(failures - PAIR_FREE_FAILURES, 10);
        Duration wait = PAIR_FIRST_WAIT.multipliedBy(1L << doublings);
        return wait.compareTo(PAIR_MAX_WAIT) > 0 ? PAIR_MAX_WAIT : wait;
    }

    private static String pair(String account, String address) {
        return account + '\n' + address;
    }
}

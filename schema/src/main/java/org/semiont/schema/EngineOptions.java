package org.semiont.schema;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * @param lockTimeout  the longest a statement of a push may wait for a table lock (default 5 s)
 * @param lockWait     the longest a push waits for another push on the same database (default 60 s)
 * @param checkBudget  time for the destructive-change counts; past it counts are unknown (default 60 s)
 * @param clock        for timings
 */
public record EngineOptions(Duration lockTimeout, Duration lockWait, Duration checkBudget, Clock clock) {
    public EngineOptions {
        requirePositive(lockTimeout, "lockTimeout");
        requirePositive(lockWait, "lockWait");
        requirePositive(checkBudget, "checkBudget");
        Objects.requireNonNull(clock, "clock");
    }

    public static EngineOptions defaults() {
        return new EngineOptions(Duration.ofSeconds(5), Duration.ofSeconds(60), Duration.ofSeconds(60), Clock.systemUTC());
    }

    public EngineOptions withLockTimeout(Duration timeout) {
        return new EngineOptions(timeout, lockWait, checkBudget, clock);
    }

    public EngineOptions withLockWait(Duration wait) {
        return new EngineOptions(lockTimeout, wait, checkBudget, clock);
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + d);
        }
    }
}

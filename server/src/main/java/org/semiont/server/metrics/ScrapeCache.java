package org.semiont.server.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A value read at scrape time and kept for a while, so one scrape (many gauges) and several scrapers cost one read.
 * A failed read gives empty (the gauges then show NaN or -1) and is logged at most once a minute.
 */
final class ScrapeCache<T> {
    private static final Logger log = LoggerFactory.getLogger(ScrapeCache.class);
    private final Clock clock;
    private final Duration ttl;
    private final Supplier<T> read;
    private Instant readAt = Instant.MIN;
    private Optional<T> value = Optional.empty();
    private Instant warnedAt = Instant.MIN;

    ScrapeCache(Clock clock, Duration ttl, Supplier<T> read) {
        this.clock = clock;
        this.ttl = ttl;
        this.read = read;
    }

    synchronized Optional<T> get() {
        Instant now = clock.instant();
        if (readAt.plus(ttl).isAfter(now)) {
            return value;
        }
        readAt = now;
        try {
            value = Optional.ofNullable(read.get());
        } catch (RuntimeException e) {
            value = Optional.empty();
            if (warnedAt.plus(Duration.ofMinutes(1)).isBefore(now)) {
                warnedAt = now;
                log.warn("A metric could not be read: {}", e.getMessage());
            }
        }
        return value;
    }
}

package org.semiont.server.logging;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** A filter over JSON log lines: minimum level, substring (case-insensitive), not before an instant. */
public record LogQuery(Optional<String> minLevel, Optional<String> grep, Optional<Instant> since) {
    private static final java.util.List<String> LEVELS = java.util.List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR");

    public LogQuery {
        minLevel = minLevel.map(l -> l.toUpperCase(Locale.ROOT));
        if (minLevel.isPresent() && !LEVELS.contains(minLevel.get())) {
            throw new IllegalArgumentException("Unknown level \"" + minLevel.get() + "\"; use one of " + LEVELS + ".");
        }
        grep = grep.map(g -> g.toLowerCase(Locale.ROOT));
    }

    public boolean matches(LogLine line) {
        if (minLevel.isPresent() && LEVELS.indexOf(line.level()) < LEVELS.indexOf(minLevel.get())) {
            return false;
        }
        if (since.isPresent() && line.timestamp().map(t -> t.isBefore(since.get())).orElse(false)) {
            return false;
        }
        return grep.isEmpty() || line.raw().toLowerCase(Locale.ROOT).contains(grep.get());
    }
}

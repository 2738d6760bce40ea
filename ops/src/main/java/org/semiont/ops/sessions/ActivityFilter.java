package org.semiont.ops.sessions;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Which sessions {@code db activity} shows: by default those doing something (not idle); with {@code all} every one;
 * with a minimum duration only those busy (statement or open transaction) at least that long.
 */
public record ActivityFilter(boolean all, Optional<Duration> minDuration) {
    public List<Session> apply(List<Session> sessions) {
        return sessions.stream().filter(this::shows).toList();
    }

    private boolean shows(Session s) {
        if (minDuration.isPresent()) {
            return s.busyFor().filter(d -> d.compareTo(minDuration.get()) >= 0).isPresent();
        }
        return all || !s.state().equals("idle");
    }
}

package org.semiont.events;

import java.time.Instant;
import java.util.Set;

/**
 * Filters for reading one stream. Null / empty means "no filter"; {@code limit} 0 means no limit.
 * {@code from} is inclusive and {@code to} exclusive, compared with the event timestamp.
 */
public record StreamQuery(long fromSequence, int limit, Set<String> types, String userId, Instant from, Instant to) {
    public StreamQuery {
        if (fromSequence < 0 || limit < 0) {
            throw new EventsException(EventsError.INVALID_EVENT, "fromSequence and limit must be >= 0, got "
                    + fromSequence + " and " + limit);
        }
        types = types == null ? Set.of() : Set.copyOf(types);
    }

    public static StreamQuery all() {
        return new StreamQuery(1, 0, Set.of(), null, null, null);
    }

    public StreamQuery fromSequence(long seq) {
        return new StreamQuery(seq, limit, types, userId, from, to);
    }

    public StreamQuery limit(int n) {
        return new StreamQuery(fromSequence, n, types, userId, from, to);
    }

    public StreamQuery types(Set<String> t) {
        return new StreamQuery(fromSequence, limit, t, userId, from, to);
    }

    public StreamQuery userId(String u) {
        return new StreamQuery(fromSequence, limit, types, u, from, to);
    }

    public StreamQuery between(Instant fromInclusive, Instant toExclusive) {
        return new StreamQuery(fromSequence, limit, types, userId, fromInclusive, toExclusive);
    }

    public boolean matches(StoredEvent e) {
        if (!types.isEmpty() && !types.contains(e.type())) {
            return false;
        }
        if (userId != null && !userId.equals(e.userId())) {
            return false;
        }
        if (from == null && to == null) {
            return true;
        }
        Instant t = e.instant();
        return (from == null || !t.isBefore(from)) && (to == null || t.isBefore(to));
    }
}

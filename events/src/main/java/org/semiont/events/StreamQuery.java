package org.semiont.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.semiont.events.jsonl.BytePattern;

/**
 * Filters for reading one stream. Null / empty means "no filter"; {@code limit} 0 means no limit.
 * {@code from} is inclusive and {@code to} exclusive, compared with the event timestamp.
 */
public record StreamQuery(long fromSequence, int limit, Set<String> types, String userId, Instant from, Instant to) {
    /** ASCII that JSON writes as is inside a string. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._:/-]+");

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

    /** {@link #matches}, behind a cheap first pass over the event's bytes when there is a type filter. */
    public Predicate<StoredEvent> matcher() {
        return prefilter().and(this::matches);
    }

    /**
     * A cheap first pass for a type filter: an event of a wanted type holds that type as a JSON string, so an event
     * whose bytes hold none of them is passed over before its header is parsed (a sparse type in a long stream then
     * costs a byte scan per event). Types JSON would escape get no first pass.
     */
    private Predicate<StoredEvent> prefilter() {
        if (types.isEmpty() || !types.stream().allMatch(t -> PLAIN.matcher(t).matches())) {
            return e -> true;
        }
        List<BytePattern> quoted = types.stream().map(t -> new BytePattern(("\"" + t + "\"").getBytes(StandardCharsets.US_ASCII)))
                .toList();
        return e -> {
            for (BytePattern p : quoted) {
                if (e.eventContains(p)) {
                    return true;
                }
            }
            return false;
        };
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

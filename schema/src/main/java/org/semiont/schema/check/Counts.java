package org.semiont.schema.check;

import java.util.Map;
import java.util.OptionalLong;

/** The answers to the count queries; a missing answer is unknown (timeout, or no database at hand). */
public final class Counts {
    private static final Counts UNKNOWN = new Counts(Map.of());
    private final Map<CountQuery, Long> values;

    public Counts(Map<CountQuery, Long> values) {
        this.values = Map.copyOf(values);
    }

    public static Counts unknown() {
        return UNKNOWN;
    }

    public OptionalLong get(CountQuery query) {
        Long value = values.get(query);
        return value == null ? OptionalLong.empty() : OptionalLong.of(value);
    }
}

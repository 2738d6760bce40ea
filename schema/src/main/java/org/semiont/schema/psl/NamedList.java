package org.semiont.schema.psl;

import java.util.AbstractList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.function.Function;

/**
 * An unmodifiable list that also finds its elements by name in constant time; lookups by name happen for every
 * field while validating and computing targets, and a linear scan made 100-model schemas quadratic.
 */
final class NamedList<T> extends AbstractList<T> implements RandomAccess {
    private final List<T> items;
    private final Map<String, T> byName = new HashMap<>();

    NamedList(List<T> items, Function<T, String> name) {
        this.items = List.copyOf(items);
        for (T item : this.items) {
            byName.putIfAbsent(name.apply(item), item);
        }
    }

    @Override
    public T get(int index) {
        return items.get(index);
    }

    @Override
    public int size() {
        return items.size();
    }

    /** The first element with this name. */
    Optional<T> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }
}

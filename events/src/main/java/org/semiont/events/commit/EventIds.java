package org.semiont.events.commit;

import java.util.HashMap;
import java.util.Map;

/**
 * A stream's event ids and their sequences, for idempotent appends: every id of every cached stream stays in
 * memory, so the layout is compact. Ids in the canonical UUID form (the default generator's) are kept as their
 * 128 bits in an open-addressing table, about 50 bytes each against some 140 in a {@code HashMap<String, Long>};
 * any other id is kept as itself. Only the canonical form (36 characters, lowercase hex) goes into the table, so
 * two ids are the same entry exactly when they are the same string. Not thread-safe: guarded by the stream's lock.
 */
final class EventIds {
    private static final int MIN_CAPACITY = 16;
    private long[] high = new long[MIN_CAPACITY];
    private long[] low = new long[MIN_CAPACITY];
    /** 0 marks an empty slot: sequences start at 1. */
    private long[] sequence = new long[MIN_CAPACITY];
    private int inTable;
    private final Map<String, Long> others = new HashMap<>();

    /** The sequence of the event with this id, or null. */
    Long get(String id) {
        if (!isCanonicalUuid(id)) {
            return others.get(id);
        }
        long hi = high(id);
        long lo = low(id);
        int mask = sequence.length - 1;
        for (int i = slot(hi, lo, mask); sequence[i] != 0; i = (i + 1) & mask) {
            if (high[i] == hi && low[i] == lo) {
                return sequence[i];
            }
        }
        return null;
    }

    /** Records {@code id} at {@code seq} (positive), replacing the sequence of an id already present (as a map would). */
    void put(String id, long seq) {
        if (seq <= 0) {
            throw new IllegalArgumentException("sequences start at 1, got " + seq);
        }
        if (!isCanonicalUuid(id)) {
            others.put(id, seq);
            return;
        }
        if ((inTable + 1) * 4L > sequence.length * 3L) {
            grow();
        }
        insert(high(id), low(id), seq);
    }

    private void insert(long hi, long lo, long seq) {
        int mask = sequence.length - 1;
        int i = slot(hi, lo, mask);
        while (sequence[i] != 0) {
            if (high[i] == hi && low[i] == lo) {
                sequence[i] = seq;
                return;
            }
            i = (i + 1) & mask;
        }
        high[i] = hi;
        low[i] = lo;
        sequence[i] = seq;
        inTable++;
    }

    int size() {
        return inTable + others.size();
    }

    void clear() {
        high = new long[MIN_CAPACITY];
        low = new long[MIN_CAPACITY];
        sequence = new long[MIN_CAPACITY];
        inTable = 0;
        others.clear();
    }

    private void grow() {
        long[] oldHigh = high;
        long[] oldLow = low;
        long[] oldSequence = sequence;
        high = new long[oldSequence.length * 2];
        low = new long[oldSequence.length * 2];
        sequence = new long[oldSequence.length * 2];
        inTable = 0;
        for (int i = 0; i < oldSequence.length; i++) {
            if (oldSequence[i] != 0) {
                insert(oldHigh[i], oldLow[i], oldSequence[i]);
            }
        }
    }

    /** Random UUIDs are already well mixed, but other canonical ids need not be: mix both halves. */
    private static int slot(long hi, long lo, int mask) {
        long h = (hi ^ Long.rotateLeft(lo, 29)) * 0x9E3779B97F4A7C15L;
        return (int) (h ^ h >>> 32) & mask;
    }

    /** {@code xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx} in lowercase hex: the form whose string and bits match one to one. */
    static boolean isCanonicalUuid(String id) {
        if (id.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = id.charAt(i);
            boolean ok = i == 8 || i == 13 || i == 18 || i == 23 ? c == '-' : (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** The first 64 of a canonical UUID's 128 bits (its groups of 8, 4 and 4 hex digits). */
    private static long high(String id) {
        return bits(id, 0, 8) << 32 | bits(id, 9, 13) << 16 | bits(id, 14, 18);
    }

    /** The last 64 bits (its groups of 4 and 12 hex digits). */
    private static long low(String id) {
        return bits(id, 19, 23) << 48 | bits(id, 24, 36);
    }

    private static long bits(String id, int from, int to) {
        long v = 0;
        for (int i = from; i < to; i++) {
            char c = id.charAt(i);
            v = v << 4 | (c <= '9' ? c - '0' : c - 'a' + 10);
        }
        return v;
    }
}

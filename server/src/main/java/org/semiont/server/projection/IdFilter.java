package org.semiont.server.projection;

/**
 * A Bloom filter over ids: "certainly not added" or "maybe added", in a fixed number of bits. The bulk fold keeps
 * one of the annotations it sent to the table, so an event about an annotation it no longer holds asks the
 * database only when the answer may be yes. Eight probes from two hashes (Kirsch–Mitzenmacher): at 32 bits per
 * id, about one false "maybe" in 150,000.
 */
public final class IdFilter {
    private static final int PROBES = 8;
    private final long[] words;
    private final long mask;

    /** At least {@code bits} bits, rounded up to a power of two. */
    public IdFilter(long bits) {
        long n = Long.highestOneBit(Math.max(64, bits - 1)) << 1;
        words = new long[(int) (n >>> 6)];
        mask = n - 1;
    }

    public void add(String id) {
        long h1 = hash(id, 0x9E3779B97F4A7C15L);
        long h2 = hash(id, 0xC2B2AE3D27D4EB4FL) | 1;
        for (int i = 0; i < PROBES; i++) {
            long bit = (h1 + i * h2) & mask;
            words[(int) (bit >>> 6)] |= 1L << bit;
        }
    }

    public boolean mightContain(String id) {
        long h1 = hash(id, 0x9E3779B97F4A7C15L);
        long h2 = hash(id, 0xC2B2AE3D27D4EB4FL) | 1;
        for (int i = 0; i < PROBES; i++) {
            long bit = (h1 + i * h2) & mask;
            if ((words[(int) (bit >>> 6)] & (1L << bit)) == 0) {
                return false;
            }
        }
        return true;
    }

    private static long hash(String s, long seed) {
        long h = seed;
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x100000001B3L;
        }
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        return h;
    }
}

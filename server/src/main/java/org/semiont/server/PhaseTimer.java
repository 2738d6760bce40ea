package org.semiont.server;

import java.util.ArrayList;
import java.util.List;

/** Times consecutive startup phases, so a slow start says which part was slow. */
final class PhaseTimer {
    private final long start = System.nanoTime();
    private long last = start;
    private final List<String> phases = new ArrayList<>();

    void mark(String phase) {
        long now = System.nanoTime();
        phases.add(phase + " " + (now - last) / 1_000_000 + " ms");
        last = now;
    }

    String summary() {
        return (last - start) / 1_000_000 + " ms (" + String.join(", ", phases) + ")";
    }
}

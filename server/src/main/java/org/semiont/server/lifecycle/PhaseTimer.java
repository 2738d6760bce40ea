package org.semiont.server.lifecycle;

import java.util.ArrayList;
import java.util.List;

/** Times consecutive startup phases, so a slow start says which part was slow. */
public final class PhaseTimer {
    private final long start = System.nanoTime();
    private long last = start;
    private final List<String> phases = new ArrayList<>();

    public void mark(String phase) {
        long now = System.nanoTime();
        phases.add(phase + " " + (now - last) / 1_000_000 + " ms");
        last = now;
    }

    public String summary() {
        return (last - start) / 1_000_000 + " ms (" + String.join(", ", phases) + ")";
    }
}

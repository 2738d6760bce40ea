package org.semiont.events;

import java.util.List;

/** The outcome of verifying streams: counts, bytes read, time taken and every defect found. */
public record VerifyReport(long streams, long events, long bytes, long nanos, List<Defect> defects) {
    public VerifyReport {
        defects = List.copyOf(defects);
    }

    public boolean clean() {
        return defects.isEmpty();
    }

    public double megabytesPerSecond() {
        return nanos == 0 ? 0 : bytes / 1e6 / (nanos / 1e9);
    }

    public double eventsPerSecond() {
        return nanos == 0 ? 0 : events / (nanos / 1e9);
    }
}

package org.semiont.ops.retention;

import java.util.List;

/**
 * What a prune decided, and (unless a dry run) removed: backups, content files no kept backup lists, and archived
 * segments ({@code logId first..last}) that a kept backup holds too.
 */
public record PruneResult(List<RetentionDecision> decisions, List<String> contentRemoved, long bytesFreed, boolean dryRun,
                          List<String> segmentsRemoved) {
    public PruneResult {
        decisions = List.copyOf(decisions);
        contentRemoved = List.copyOf(contentRemoved);
        segmentsRemoved = List.copyOf(segmentsRemoved);
    }

    public List<RetentionDecision> removed() {
        return decisions.stream().filter(d -> !d.keep()).toList();
    }
}

package org.semiont.ops.retention;

import java.util.List;

/** What a prune decided, and (unless a dry run) removed: backups and content files no kept backup lists. */
public record PruneResult(List<RetentionDecision> decisions, List<String> contentRemoved, long bytesFreed, boolean dryRun) {
    public PruneResult {
        decisions = List.copyOf(decisions);
        contentRemoved = List.copyOf(contentRemoved);
    }

    public List<RetentionDecision> removed() {
        return decisions.stream().filter(d -> !d.keep()).toList();
    }
}

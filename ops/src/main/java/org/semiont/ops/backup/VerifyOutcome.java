package org.semiont.ops.backup;

import java.util.List;

/**
 * What {@code backup verify} found: the backups checked (with their chains), the archived segments checked (by folder,
 * {@code archive/<logId>/<first position>}), and every defect.
 */
public record VerifyOutcome(List<String> verified, List<BackupDefect> defects, long events, long bytes, long millis,
                            List<String> segments) {
    public VerifyOutcome {
        verified = List.copyOf(verified);
        defects = List.copyOf(defects);
        segments = List.copyOf(segments);
    }

    public VerifyOutcome(List<String> verified, List<BackupDefect> defects, long events, long bytes, long millis) {
        this(verified, defects, events, bytes, millis, List.of());
    }

    /** Whether no defect names this backup or segment. */
    public boolean clean(String id) {
        return defects.stream().noneMatch(d -> id.equals(d.backupId()));
    }

    public boolean clean() {
        return defects.isEmpty();
    }
}

package org.semiont.ops.backup;

import java.util.List;

/** What {@code backup verify} found: the backups checked (with their chains), and every defect. */
public record VerifyOutcome(List<String> verified, List<BackupDefect> defects, long events, long bytes, long millis) {
    public VerifyOutcome {
        verified = List.copyOf(verified);
        defects = List.copyOf(defects);
    }

    public boolean clean() {
        return defects.isEmpty();
    }
}

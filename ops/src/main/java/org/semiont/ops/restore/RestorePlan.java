package org.semiont.ops.restore;

import java.util.List;
import org.semiont.ops.backup.Manifest;

/** The backups a restore reads (full first) and the point it stops at. */
public record RestorePlan(List<Manifest> chain, RestorePoint point) {
    public RestorePlan {
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a restore needs at least one backup");
        }
    }

    public Manifest backup() {
        return chain.get(chain.size() - 1);
    }

    /** The most events the restore can bring back (for a progress total). */
    public long maxPosition() {
        return point instanceof RestorePoint.Position p ? Math.min(p.position(), backup().log().lastPosition())
                : backup().log().lastPosition();
    }
}

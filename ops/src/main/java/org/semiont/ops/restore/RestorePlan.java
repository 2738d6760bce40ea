package org.semiont.ops.restore;

import java.util.List;
import org.semiont.ops.archive.ArchiveSegment;
import org.semiont.ops.backup.Manifest;

/**
 * The backups a restore reads (full first), the archived segments that continue the last of them (continuous
 * archiving; empty when the point is inside the backup), and the point it stops at.
 */
public record RestorePlan(List<Manifest> chain, List<ArchiveSegment> segments, RestorePoint point) {
    public RestorePlan {
        chain = List.copyOf(chain);
        segments = List.copyOf(segments);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a restore needs at least one backup");
        }
    }

    public RestorePlan(List<Manifest> chain, RestorePoint point) {
        this(chain, List.of(), point);
    }

    public Manifest backup() {
        return chain.get(chain.size() - 1);
    }

    /** The last position the backup and the segments hold. */
    public long lastPosition() {
        return segments.isEmpty() ? backup().log().lastPosition() : segments.get(segments.size() - 1).last();
    }

    /** The most events the restore can bring back (for a progress total). */
    public long maxPosition() {
        return point instanceof RestorePoint.Position p ? Math.min(p.position(), lastPosition()) : lastPosition();
    }
}

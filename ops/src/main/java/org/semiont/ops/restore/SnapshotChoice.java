package org.semiont.ops.restore;

import java.util.List;
import org.semiont.ops.backup.Manifest;
import org.semiont.ops.snapshot.ProjectionSnapshot;
import org.semiont.server.projection.ProjectionRules;

/**
 * The projection snapshot a restore loads: the newest of the restored chain at or before the restored log's last
 * position (the events after it are replayed), written by today's projection rules. Without one the projections are
 * rebuilt from the whole log, and {@code why} says why.
 *
 * @param backup   the backup holding the snapshot (null: none usable)
 */
public record SnapshotChoice(Manifest backup, ProjectionSnapshot snapshot, String why) {
    public boolean usable() {
        return snapshot != null;
    }

    public static SnapshotChoice none(String why) {
        return new SnapshotChoice(null, null, why);
    }

    /** @param lastPosition the last position of the restored log */
    public static SnapshotChoice choose(List<Manifest> chain, long lastPosition) {
        Manifest after = null;
        for (int i = chain.size() - 1; i >= 0; i--) {
            Manifest m = chain.get(i);
            ProjectionSnapshot s = m.projectionSnapshot();
            if (s == null) {
                continue;
            }
            if (s.position() > lastPosition) {
                after = m;
                continue;
            }
            if (s.rulesVersion() != ProjectionRules.VERSION) {
                return none("the snapshot of backup " + m.id() + " was written by projection rules " + s.rulesVersion()
                        + ", this build's are " + ProjectionRules.VERSION);
            }
            return new SnapshotChoice(m, s, "the snapshot of backup " + m.id() + " at position " + s.position());
        }
        if (after != null) {
            return none("the restore point (position " + lastPosition + ") is before the projection snapshot of backup "
                    + after.id() + " (position " + after.projectionSnapshot().position() + ")");
        }
        return none("no backup of the restored chain holds a projection snapshot");
    }
}

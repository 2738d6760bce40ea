package org.semiont.ops.restore;

import java.util.List;
import java.util.Optional;
import org.semiont.ops.OpsError;
import org.semiont.ops.OpsException;
import org.semiont.ops.backup.BackupCatalog;
import org.semiont.ops.backup.Manifest;

/**
 * Chooses what a restore reads. Without a backup id: among the backups of the newest backup's log, the oldest that
 * reaches the point (the least to read), or the newest when the point is after every backup.
 */
public final class RestorePlanner {
    private final BackupCatalog catalog;

    public RestorePlanner(BackupCatalog catalog) {
        this.catalog = catalog;
    }

    public RestorePlan plan(Optional<String> backupId, RestorePoint point) {
        Manifest chosen = backupId.map(catalog::require).orElseGet(() -> choose(point));
        if (point instanceof RestorePoint.Position p && p.position() > chosen.log().lastPosition()) {
            throw new OpsException(OpsError.POINT_INVALID, "backup " + chosen.id() + " ends at position "
                    + chosen.log().lastPosition() + "; it cannot restore to position " + p.position()
                    + (backupId.isPresent() ? " (leave out --backup to use the newest backup that reaches it)" : ""));
        }
        return new RestorePlan(catalog.chain(chosen), point);
    }

    private Manifest choose(RestorePoint point) {
        Manifest newest = catalog.newest().orElseThrow(() -> new OpsException(OpsError.BACKUP_NOT_FOUND,
                "the target holds no backup (with a manifest); take one with 'semiont backup create'"));
        List<Manifest> sameLog = catalog.all().stream().filter(m -> java.util.Objects.equals(m.logId(), newest.logId())).toList();
        for (Manifest m : sameLog) {
            if (reaches(m, point)) {
                return m;
            }
        }
        return newest;
    }

    private static boolean reaches(Manifest m, RestorePoint point) {
        if (point instanceof RestorePoint.Position p) {
            return m.log().lastPosition() >= p.position();
        }
        if (point instanceof RestorePoint.Time t) {
            // an event stamped after the moment is in it, so the cut lies inside this backup
            return m.log().lastTime() != null && m.log().lastTime().isAfter(t.time());
        }
        return false;
    }
}

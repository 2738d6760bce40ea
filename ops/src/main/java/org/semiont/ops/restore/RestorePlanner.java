package org.semiont.ops.restore;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.semiont.ops.OpsError;
import org.semiont.ops.OpsException;
import org.semiont.ops.archive.ArchiveCatalog;
import org.semiont.ops.archive.ArchiveSegment;
import org.semiont.ops.backup.BackupCatalog;
import org.semiont.ops.backup.Manifest;

/**
 * Chooses what a restore reads. Without a backup id: among the backups of the newest backup's log, the oldest that
 * reaches the point (the least to read), or the newest when the point is after every backup. Past the chosen backup's
 * end, the archived segments that continue it without a gap are read up to the point (all of them for the latest);
 * a backup named by id is restored as it is.
 */
public final class RestorePlanner {
    private final BackupCatalog catalog;
    private final ArchiveCatalog archive;

    public RestorePlanner(BackupCatalog catalog) {
        this(catalog, null);
    }

    public RestorePlanner(BackupCatalog catalog, ArchiveCatalog archive) {
        this.catalog = catalog;
        this.archive = archive;
    }

    public RestorePlan plan(Optional<String> backupId, RestorePoint point) {
        Manifest chosen = backupId.map(catalog::require).orElseGet(() -> choose(point));
        List<ArchiveSegment> segments = backupId.isPresent() || reaches(chosen, point) ? List.of() : segmentsTo(chosen, point);
        RestorePlan plan = new RestorePlan(catalog.chain(chosen), segments, point);
        if (point instanceof RestorePoint.Position p && p.position() > plan.lastPosition()) {
            throw new OpsException(OpsError.POINT_INVALID, "backup " + chosen.id() + (segments.isEmpty() ? "" : " and the archive")
                    + " end at position " + plan.lastPosition() + "; it cannot restore to position " + p.position()
                    + (backupId.isPresent() ? " (leave out --backup to use the newest backup that reaches it)" : ""));
        }
        return plan;
    }

    private List<ArchiveSegment> segmentsTo(Manifest from, RestorePoint point) {
        if (archive == null || from.logId() == null) {
            return List.of();
        }
        List<ArchiveSegment> out = new ArrayList<>();
        for (ArchiveSegment s : archive.continuing(from.logId(), from.log().lastPosition())) {
            out.add(s);
            if (reaches(s, point)) {
                break;
            }
        }
        return out;
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
        return reaches(m.log().lastPosition(), m.log().lastTime(), point);
    }

    private static boolean reaches(ArchiveSegment s, RestorePoint point) {
        return reaches(s.last(), s.lastTime(), point);
    }

    private static boolean reaches(long lastPosition, java.time.Instant lastTime, RestorePoint point) {
        if (point instanceof RestorePoint.Position p) {
            return lastPosition >= p.position();
        }
        if (point instanceof RestorePoint.Time t) {
            // an event stamped after the moment is in it, so the cut lies inside
            return lastTime != null && lastTime.isAfter(t.time());
        }
        return false;
    }
}

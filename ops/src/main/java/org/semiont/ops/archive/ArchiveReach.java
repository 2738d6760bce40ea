package org.semiont.ops.archive;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.semiont.ops.backup.BackupCatalog;
import org.semiont.ops.backup.Manifest;

/**
 * How far the archive takes a restore past the newest backup: the segments that continue it without a gap (those
 * {@code restore} reads for the latest point or a later time), their positions and times.
 *
 * @param backupId the backup they continue
 * @param lastPosition the last position archived (a restore reaches any event up to it)
 * @param firstTime when the first of their events was written
 * @param lastTime when the last was (a restore reaches any second up to it)
 */
public record ArchiveReach(String backupId, String logId, List<ArchiveSegment> segments, long firstPosition, long lastPosition,
                           Instant firstTime, Instant lastTime, long bytes) {
    public ArchiveReach {
        segments = List.copyOf(segments);
    }

    /** The archive's reach past the target's newest backup, if any segment continues it. */
    public static Optional<ArchiveReach> of(BackupCatalog catalog, ArchiveCatalog archive) {
        Optional<Manifest> newest = catalog.newest();
        if (newest.isEmpty() || newest.get().logId() == null) {
            return Optional.empty();
        }
        Manifest m = newest.get();
        List<ArchiveSegment> run = archive.continuing(m.logId(), m.log().lastPosition());
        if (run.isEmpty()) {
            return Optional.empty();
        }
        ArchiveSegment last = run.get(run.size() - 1);
        return Optional.of(new ArchiveReach(m.id(), m.logId(), run, m.log().lastPosition() + 1, last.last(), run.get(0).firstTime(),
                last.lastTime(), run.stream().mapToLong(ArchiveSegment::bytes).sum()));
    }
}

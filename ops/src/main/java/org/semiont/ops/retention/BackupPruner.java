package org.semiont.ops.retention;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.semiont.ops.OpsError;
import org.semiont.ops.OpsException;
import org.semiont.ops.archive.ArchiveCatalog;
import org.semiont.ops.archive.ArchiveSegment;
import org.semiont.ops.backup.BackupCatalog;
import org.semiont.ops.backup.Layout;
import org.semiont.ops.backup.Manifest;
import org.semiont.ops.target.BackupTarget;

/**
 * Applies a {@link RecoveryWindow} to a target under its lock: each expired backup's manifest goes first (from then
 * on it does not exist), then its files; then the archived segments a kept backup holds too, and the content files
 * that no kept backup or remaining segment lists.
 */
public final class BackupPruner {
    private final BackupTarget target;
    private final RecoveryWindow window;
    private final Clock clock;

    public BackupPruner(BackupTarget target, RecoveryWindow window, Clock clock) {
        this.target = target;
        this.window = window;
        this.clock = clock;
    }

    public PruneResult prune(boolean dryRun) {
        try (AutoCloseable lock = target.lock("semiont backup prune")) {
            return pruneLocked(dryRun);
        } catch (OpsException e) {
            throw e;
        } catch (Exception e) {
            throw new OpsException(OpsError.TARGET_IO, "pruning " + target.describe() + " failed: " + e.getMessage(), e);
        }
    }

    private PruneResult pruneLocked(boolean dryRun) throws IOException {
        BackupCatalog catalog = BackupCatalog.read(target);
        List<RetentionDecision> decisions = window.decide(catalog, clock.instant());
        Set<String> keptContent = new HashSet<>();
        Set<String> goneContent = new HashSet<>();
        for (RetentionDecision d : decisions) {
            Manifest m = catalog.require(d.backupId());
            (d.keep() ? keptContent : goneContent).addAll(m.content().stream().map(Manifest.FileEntry::key).toList());
        }
        List<ArchiveSegment> goneSegments = coveredSegments(catalog, decisions);
        ArchiveCatalog.read(target).all().stream().filter(seg -> !goneSegments.contains(seg))
                .forEach(seg -> keptContent.addAll(seg.content().stream().map(Manifest.FileEntry::key).toList()));
        goneContent.removeAll(keptContent);
        long freed = 0;
        for (RetentionDecision d : decisions) {
            if (!d.keep()) {
                Manifest m = catalog.require(d.backupId());
                freed += m.ownBytes();
                if (!dryRun) {
                    remove(m.id());
                }
            }
        }
        List<String> contentRemoved = new ArrayList<>(goneContent);
        contentRemoved.sort(null);
        for (String key : contentRemoved) {
            freed += catalog.all().stream().flatMap(m -> m.content().stream()).filter(f -> f.key().equals(key)).findFirst()
                    .map(Manifest.FileEntry::size).orElse(0L);
            if (!dryRun) {
                target.delete(key);
            }
        }
        for (ArchiveSegment seg : goneSegments) {
            freed += seg.chunks().stream().mapToLong(Manifest.LogChunk::size).sum();
            if (!dryRun) {
                target.delete(seg.descriptionKey());
                for (String key : target.list(seg.dir())) {
                    target.delete(key);
                }
            }
        }
        return new PruneResult(decisions, contentRemoved, freed, dryRun,
                goneSegments.stream().map(seg -> seg.logId() + " " + seg.first() + ".." + seg.last()).toList());
    }

    /** Archived segments that a kept backup of their log already holds: a restore reads that backup instead. */
    private List<ArchiveSegment> coveredSegments(BackupCatalog catalog, List<RetentionDecision> decisions) {
        java.util.Map<String, Long> keptEnd = new java.util.HashMap<>();
        for (RetentionDecision d : decisions) {
            Manifest m = catalog.require(d.backupId());
            if (d.keep() && m.logId() != null) {
                keptEnd.merge(m.logId(), m.log().lastPosition(), Math::max);
            }
        }
        return ArchiveCatalog.read(target).all().stream()
                .filter(seg -> seg.last() <= keptEnd.getOrDefault(seg.logId(), 0L)).toList();
    }

    private void remove(String id) throws IOException {
        target.delete(Manifest.key(id));
        for (String key : target.list(Layout.backupDir(id))) {
            target.delete(key);
        }
    }
}

package org.semiont.ops.retention;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.semiont.ops.OpsError;
import org.semiont.ops.OpsException;
import org.semiont.ops.backup.BackupCatalog;
import org.semiont.ops.backup.Layout;
import org.semiont.ops.backup.Manifest;
import org.semiont.ops.target.BackupTarget;

/**
 * Applies a {@link RecoveryWindow} to a target under its lock: each expired backup's manifest goes first (from then
 * on it does not exist), then its files; then the content files no kept backup lists.
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
        return new PruneResult(decisions, contentRemoved, freed, dryRun);
    }

    private void remove(String id) throws IOException {
        target.delete(Manifest.key(id));
        for (String key : target.list(Layout.backupDir(id))) {
            target.delete(key);
        }
    }
}

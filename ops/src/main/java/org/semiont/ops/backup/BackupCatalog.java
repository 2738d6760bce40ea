package org.semiont.ops.backup;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.semiont.ops.OpsError;
import org.semiont.ops.OpsException;
import org.semiont.ops.target.BackupTarget;

/**
 * The backups of a target: those with a readable manifest, oldest first. Folders without a manifest are
 * {@link #orphans}: a backup cut short, which the next backup removes.
 */
public final class BackupCatalog {
    private final Map<String, Manifest> backups;
    private final List<String> orphans;
    private final List<String> unreadable;

    private BackupCatalog(Map<String, Manifest> backups, List<String> orphans, List<String> unreadable) {
        this.backups = backups;
        this.orphans = List.copyOf(orphans);
        this.unreadable = List.copyOf(unreadable);
    }

    public static BackupCatalog read(BackupTarget target) {
        try {
            TreeSet<String> ids = new TreeSet<>();
            for (String key : target.list(Layout.BACKUPS)) {
                String id = Layout.backupIdOf(key);
                if (id != null) {
                    ids.add(id);
                }
            }
            List<Manifest> found = new ArrayList<>();
            List<String> orphans = new ArrayList<>();
            List<String> unreadable = new ArrayList<>();
            for (String id : ids) {
                String key = Manifest.key(id);
                if (!target.exists(key)) {
                    orphans.add(id);
                    continue;
                }
                try (InputStream in = target.open(key)) {
                    found.add(ManifestJson.read(in.readAllBytes()));
                } catch (IOException | RuntimeException e) {
                    unreadable.add(id + ": " + e.getMessage());
                }
            }
            found.sort(Comparator.comparing(Manifest::finishedAt).thenComparing(Manifest::id));
            Map<String, Manifest> byId = new LinkedHashMap<>();
            found.forEach(m -> byId.put(m.id(), m));
            return new BackupCatalog(byId, orphans, unreadable);
        } catch (IOException e) {
            throw new OpsException(OpsError.TARGET_IO, "cannot list the backups in " + target.describe() + ": " + e.getMessage(), e);
        }
    }

    /** Oldest first. */
    public List<Manifest> all() {
        return List.copyOf(backups.values());
    }

    public Optional<Manifest> find(String id) {
        return Optional.ofNullable(backups.get(id));
    }

    public Manifest require(String id) {
        return find(id).orElseThrow(() -> new OpsException(OpsError.BACKUP_NOT_FOUND, "no backup '" + id + "' (with a manifest) in "
                + "this target; 'semiont backup list' shows the backups there"));
    }

    public Optional<Manifest> newest() {
        return backups.values().stream().reduce((a, b) -> b);
    }

    /** Backup folders without a manifest (cut short). */
    public List<String> orphans() {
        return orphans;
    }

    /** Manifests that could not be read, each with the reason. */
    public List<String> unreadable() {
        return unreadable;
    }

    /**
     * The backups a restore of {@code m} reads, full first. Throws if a parent is missing: the backup cannot be
     * restored.
     */
    public List<Manifest> chain(Manifest m) {
        List<Manifest> chain = new ArrayList<>();
        for (Manifest at = m; at != null; ) {
            chain.add(0, at);
            if (at.parent() == null) {
                return chain;
            }
            Manifest parent = backups.get(at.parent());
            if (parent == null) {
                throw new OpsException(OpsError.BACKUP_DEFECTIVE, "backup " + at.id() + " depends on backup " + at.parent()
                        + ", which is not in the target; " + m.id() + " cannot be restored");
            }
            at = parent;
        }
        return chain;
    }

    /** The full backup a backup's chain starts from (itself for a full). */
    public String rootOf(Manifest m) {
        Manifest at = m;
        while (at.parent() != null && backups.containsKey(at.parent())) {
            at = backups.get(at.parent());
        }
        return at.id();
    }
}

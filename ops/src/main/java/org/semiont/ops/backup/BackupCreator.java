package org.semiont.ops.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.semiont.events.EventLog;
import org.semiont.events.StoredEvent;
import org.semiont.ops.OpsError;
import org.semiont.ops.OpsException;
import org.semiont.ops.snapshot.ProjectionSnapshot;
import org.semiont.ops.snapshot.ProjectionSnapshotter;
import org.semiont.ops.target.BackupTarget;

/**
 * Takes a backup of a data dir while the server may be writing: the log up to the position that was durable when the
 * backup began, read through {@link EventLog} by global position; then the content files (written before the events
 * that name them, so every one the log references is there); then the secrets if asked; the manifest last.
 * After the first, a backup is incremental: only the events after its parent and the content files not yet in the
 * target are copied.
 */
public final class BackupCreator {
    private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final BackupTarget target;
    private final EventLog log;
    private final Path dataDir;
    private final Clock clock;
    private final String toolVersion;
    private final ProjectionSnapshotter snapshots;

    public BackupCreator(BackupTarget target, EventLog log, Path dataDir, Clock clock, String toolVersion) {
        this(target, log, dataDir, clock, toolVersion, ProjectionSnapshotter.NONE);
    }

    /** @param snapshots reads the projections for the backup's snapshot ({@link ProjectionSnapshotter#NONE}: none) */
    public BackupCreator(BackupTarget target, EventLog log, Path dataDir, Clock clock, String toolVersion,
                         ProjectionSnapshotter snapshots) {
        this.target = target;
        this.log = log;
        this.dataDir = dataDir;
        this.clock = clock;
        this.toolVersion = toolVersion;
        this.snapshots = snapshots;
    }

    public BackupResult create(BackupOptions options) {
        try (AutoCloseable lock = target.lock("semiont backup create")) {
            return createLocked(options);
        } catch (OpsException e) {
            throw e;
        } catch (Exception e) {
            throw new OpsException(OpsError.TARGET_IO, "the backup to " + target.describe() + " failed: " + e.getMessage(), e);
        }
    }

    private BackupResult createLocked(BackupOptions options) throws IOException {
        long startNanos = System.nanoTime();
        Instant started = clock.instant();
        List<String> removed = removeOrphans();
        BackupCatalog catalog = BackupCatalog.read(target);
        long end = log.lastPosition();
        String logId = log.logId();
        String[] why = new String[1];
        Optional<Manifest> parent = chooseParent(catalog, options, end, logId, why);
        String id = newId(catalog, started, parent.isPresent());
        String dir = Layout.backupDir(id);

        SnapshotStep snap = snapshot(parent.map(catalog::chain).orElse(List.of()), dir, logId, end);
        ProjectionSnapshot snapshot = snap.snapshot();
        if (snapshot != null) {
            // the checkpoint is read after the log's end was: the backup's log goes up to it, so it holds the snapshot's events
            end = Math.max(end, snapshot.position());
        }

        Map<String, Manifest.Head> heads = new HashMap<>(parent.map(Manifest::streams).orElse(Map.of()));
        long from = parent.map(p -> p.log().lastPosition()).orElse(0L) + 1;
        LogChunkWriter chunks = new LogChunkWriter(target, dir, options.chunkBytes());
        Manifest.LogRange range = copyLog(chunks, from, end, heads, parent.map(Manifest::log).orElse(null));

        List<String> warnings = new ArrayList<>();
        ContentCopy content = copyContent(parent.map(Manifest::content).orElse(List.of()), warnings);
        List<Manifest.FileEntry> secrets = options.includeSecrets() ? copySecrets(dir) : List.of();

        Manifest m = new Manifest(Manifest.FORMAT, id, parent.map(Manifest::id).orElse(null),
                parent.isPresent() ? Manifest.Type.INCREMENTAL : Manifest.Type.FULL, started, clock.instant(), toolVersion, logId,
                range, heads, chunks.chunks(), content.entries, secrets, snapshot);
        target.putAtomically(Manifest.key(id), ManifestJson.write(m));
        long bytes = chunks.bytes() + content.bytes + secrets.stream().mapToLong(Manifest.FileEntry::size).sum()
                + (snapshot == null ? 0 : snapshot.bytes());
        return new BackupResult(m, why[0], bytes, content.copied, (System.nanoTime() - startNanos) / 1_000_000, removed, warnings,
                snap.note());
    }

    private record SnapshotStep(ProjectionSnapshot snapshot, String note) {
    }

    /** The projection snapshot, when the policy asks for one and the projections are at a checkpoint this log explains. */
    private SnapshotStep snapshot(List<Manifest> parentChain, String dir, String logId, long end) throws IOException {
        if (!snapshots.enabled()) {
            return new SnapshotStep(null, "no projection snapshot: no database to read the projections from");
        }
        Optional<String> reason = SnapshotPolicy.reason(parentChain, end);
        if (reason.isEmpty()) {
            return new SnapshotStep(null, "no projection snapshot: " + SnapshotPolicy.skipReason(parentChain, end));
        }
        ProjectionSnapshotter.Outcome o = snapshots.take(target, dir, logId);
        ProjectionSnapshot s = o.snapshot();
        if (s == null) {
            return new SnapshotStep(null, "no projection snapshot: " + o.skipped());
        }
        long durable = log.lastPosition();
        if (s.position() > durable) {
            for (ProjectionSnapshot.Table t : s.tables()) {
                target.delete(t.key());
            }
            return new SnapshotStep(null, "no projection snapshot: the projections are at position " + s.position()
                    + ", past the log's durable end " + durable);
        }
        return new SnapshotStep(s, "projection snapshot at position " + s.position() + " (" + reason.get() + ")");
    }

    private List<String> removeOrphans() throws IOException {
        List<String> orphans = BackupCatalog.read(target).orphans();
        for (String id : orphans) {
            for (String key : target.list(Layout.backupDir(id))) {
                target.delete(key);
            }
        }
        return orphans;
    }

    private Optional<Manifest> chooseParent(BackupCatalog catalog, BackupOptions options, long end, String logId, String[] why) {
        Optional<Manifest> newest = catalog.newest();
        if (options.full()) {
            why[0] = "full backup requested";
            return Optional.empty();
        }
        if (newest.isEmpty()) {
            why[0] = "no earlier backup in the target";
            return Optional.empty();
        }
        Manifest p = newest.get();
        if (logId != null && !logId.equals(p.logId())) {
            why[0] = "the newest backup " + p.id() + " is of another event log (" + p.logId() + ")";
            return Optional.empty();
        }
        if (p.log().lastPosition() > end) {
            why[0] = "the newest backup " + p.id() + " ends at position " + p.log().lastPosition() + ", after this log's end " + end;
            return Optional.empty();
        }
        if (p.log().lastPosition() > 0 && !p.log().lastChecksum().equals(checksumAt(p.log().lastPosition()))) {
            why[0] = "the event at position " + p.log().lastPosition() + " is not the one backup " + p.id() + " ended with";
            return Optional.empty();
        }
        why[0] = "events after backup " + p.id() + " (position " + p.log().lastPosition() + ")";
        return Optional.of(p);
    }

    private String checksumAt(long position) {
        try (Stream<StoredEvent> s = log.readAll(position)) {
            return s.findFirst().filter(e -> e.position() == position).map(StoredEvent::checksum).orElse(null);
        }
    }

    private String newId(BackupCatalog catalog, Instant at, boolean incremental) throws IOException {
        String base = ID.format(at) + (incremental ? "I" : "F");
        String id = base;
        for (int n = 2; catalog.find(id).isPresent() || !target.list(Layout.backupDir(id)).isEmpty(); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    private Manifest.LogRange copyLog(LogChunkWriter chunks, long from, long end, Map<String, Manifest.Head> heads,
                                      Manifest.LogRange parentRange) throws IOException {
        long expected = from;
        StoredEvent last = null;
        try (chunks; Stream<StoredEvent> all = log.readAll(from)) {
            for (StoredEvent e : (Iterable<StoredEvent>) all.takeWhile(e -> e.position() <= end)::iterator) {
                if (e.position() != expected) {
                    throw new OpsException(OpsError.SOURCE_IO, "the event log has no event at position " + expected
                            + " (the next is " + e.position() + "); run 'semiont events verify'");
                }
                chunks.write(e);
                heads.put(e.streamId(), new Manifest.Head(e.sequence(), e.checksum()));
                last = e;
                expected++;
            }
        }
        if (expected != end + 1) {
            throw new OpsException(OpsError.SOURCE_IO, "the event log ended at position " + (expected - 1) + " while "
                    + end + " was durable when the backup began; run 'semiont events verify'");
        }
        if (last == null) {
            return parentRange == null ? new Manifest.LogRange(from, end, null, null)
                    : new Manifest.LogRange(from, end, parentRange.lastTime(), parentRange.lastChecksum());
        }
        return new Manifest.LogRange(from, end, last.instant(), last.checksum());
    }

    private static final class ContentCopy {
        final List<Manifest.FileEntry> entries = new ArrayList<>();
        long bytes;
        int copied;
    }

    private ContentCopy copyContent(List<Manifest.FileEntry> inParent, List<String> warnings) throws IOException {
        Map<String, Manifest.FileEntry> known = new HashMap<>();
        inParent.forEach(f -> known.put(f.key(), f));
        ContentCopy c = new ContentCopy();
        for (Path file : contentFiles()) {
            String rel = dataDir.resolve("documents").relativize(file).toString().replace('\\', '/');
            String key = Layout.CONTENT + rel;
            Manifest.FileEntry entry = known.get(key);
            if (entry == null) {
                entry = target.exists(key) ? FileCopies.hash(file, key) : null;
                boolean upload = entry == null;
                if (upload) {
                    entry = FileCopies.upload(file, target, key);
                }
                if (!ContentNames.matches(file, entry.sha256())) {
                    warnings.add("content file " + file + " does not match the checksum in its name; left out (its "
                            + "document reads fail on this server too)");
                    if (upload) {
                        target.delete(key);
                    }
                    continue;
                }
                if (upload) {
                    c.bytes += entry.size();
                    c.copied++;
                }
            }
            c.entries.add(entry);
        }
        return c;
    }

    private List<Path> contentFiles() throws IOException {
        Path root = dataDir.resolve("documents");
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(".dat") && Files.isRegularFile(p)).sorted().toList();
        }
    }

    private List<Manifest.FileEntry> copySecrets(String dir) throws IOException {
        Path root = dataDir.resolve("secrets");
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<Manifest.FileEntry> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(root)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                out.add(FileCopies.upload(f, target, dir + "secrets/" + f.getFileName()));
            }
        }
        return out;
    }
}

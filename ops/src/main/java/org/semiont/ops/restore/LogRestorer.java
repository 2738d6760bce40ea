package org.semiont.ops.restore;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import org.semiont.events.EventLog;
import org.semiont.events.StoredEvent;
import org.semiont.events.jsonl.EventLine;
import org.semiont.ops.OpsError;
import org.semiont.ops.OpsException;
import org.semiont.ops.backup.BackupCatalog;
import org.semiont.ops.backup.BackupVerifier;
import org.semiont.ops.backup.FileCopies;
import org.semiont.ops.backup.Layout;
import org.semiont.ops.backup.LogRecord;
import org.semiont.ops.backup.LogRecordReader;
import org.semiont.ops.backup.Manifest;
import org.semiont.ops.backup.VerifyOutcome;
import org.semiont.ops.target.BackupTarget;

/**
 * Brings a backup's log back into an empty {@link EventLog} through its append API, event by event in position
 * order up to the point, so the result is a prefix of the original log with the same positions and exact lines; then
 * the content files and (if the backup holds them) the secrets. The backup is verified first: a defective one is
 * refused before anything is written.
 */
public final class LogRestorer {
    private static final int BATCH = 1000;

    private final BackupTarget target;
    private final BackupCatalog catalog;

    public LogRestorer(BackupTarget target, BackupCatalog catalog) {
        this.target = target;
        this.catalog = catalog;
    }

    /** Verifies the plan's backups and archived segments; throws naming every defect. */
    public VerifyOutcome verify(RestorePlan plan) {
        VerifyOutcome v = new BackupVerifier(target, catalog).verify(List.of(plan.backup()));
        List<String> archiveDefects = SegmentChecks.defects(target, plan.segments());
        if (!archiveDefects.isEmpty()) {
            StringBuilder b = new StringBuilder("the archive after backup " + plan.backup().id() + " is defective; nothing was restored:");
            archiveDefects.forEach(d -> b.append("\n  ").append(d));
            throw new OpsException(OpsError.BACKUP_DEFECTIVE, b.toString());
        }
        if (!v.clean()) {
            StringBuilder b = new StringBuilder("backup " + plan.backup().id() + " is defective; nothing was restored:");
            v.defects().forEach(d -> b.append("\n  ").append(d));
            throw new OpsException(OpsError.BACKUP_DEFECTIVE, b.toString());
        }
        return v;
    }

    /** Restores the log into {@code log} (which must be empty) and the files into {@code dataDir}. */
    public RestoreResult restore(RestorePlan plan, EventLog log, Path dataDir, LongConsumer progress) {
        long start = System.nanoTime();
        if (log.lastPosition() != 0) {
            throw new OpsException(OpsError.DESTINATION_NOT_EMPTY, "the destination's event log already holds "
                    + log.lastPosition() + " events; restore into an empty data dir");
        }
        try {
            Appender a = new Appender(log, plan.point(), progress);
            copyLog(plan, a);
            a.flush();
            int content = restoreContent(contentOf(plan), dataDir);
            int secrets = restoreSecrets(plan, dataDir);
            return new RestoreResult(plan.backup().id(), a.events, a.lastPosition, a.lastTime, content, secrets,
                    (System.nanoTime() - start) / 1_000_000);
        } catch (IOException e) {
            throw new OpsException(OpsError.TARGET_IO, "restoring from " + target.describe() + " failed: " + e.getMessage(), e);
        }
    }

    private void copyLog(RestorePlan plan, Appender a) throws IOException {
        List<Manifest.LogChunk> chunks = new ArrayList<>();
        plan.chain().forEach(m -> chunks.addAll(m.chunks()));
        plan.segments().forEach(s -> chunks.addAll(s.chunks()));
        for (Manifest.LogChunk c : chunks) {
            try (InputStream in = target.open(c.key()); LogRecordReader reader = new LogRecordReader(in)) {
                for (LogRecord r; (r = reader.next()) != null; ) {
                    if (r.position() <= a.lastOffered) {
                        continue; // an archived segment that overlaps the backup before it
                    }
                    if (!a.offer(r)) {
                        return;
                    }
                }
            }
        }
    }

    /** The backup's content files and those that came with the archived segments, each once. */
    private static List<Manifest.FileEntry> contentOf(RestorePlan plan) {
        java.util.Map<String, Manifest.FileEntry> byKey = new java.util.LinkedHashMap<>();
        plan.backup().content().forEach(f -> byKey.put(f.key(), f));
        plan.segments().forEach(s -> s.content().forEach(f -> byKey.putIfAbsent(f.key(), f)));
        return List.copyOf(byKey.values());
    }

    /** Groups consecutive events of one stream into one append; stops at the first event after the point. */
    private static final class Appender {
        private final EventLog log;
        private final RestorePoint point;
        private final LongConsumer progress;
        private final List<EventLine> batch = new ArrayList<>(BATCH);
        private final List<Long> positions = new ArrayList<>(BATCH);
        private String stream;
        long events;
        long lastPosition;
        long lastOffered;
        Instant lastTime;

        Appender(EventLog log, RestorePoint point, LongConsumer progress) {
            this.log = log;
            this.point = point;
            this.progress = progress;
        }

        boolean offer(LogRecord r) {
            StoredEvent e = StoredEvent.parse(r.streamId(), r.position(), r.line());
            Instant at = e.instant();
            if (point.isAfter(r.position(), at)) {
                return false;
            }
            if (!r.streamId().equals(stream) || batch.size() == BATCH) {
                flush();
                stream = r.streamId();
            }
            batch.add(e.line());
            positions.add(r.position());
            lastOffered = r.position();
            lastTime = at;
            return true;
        }

        void flush() {
            if (batch.isEmpty()) {
                return;
            }
            List<StoredEvent> stored = log.appendVerbatim(stream, batch);
            for (int i = 0; i < stored.size(); i++) {
                if (stored.get(i).position() != positions.get(i)) {
                    throw new OpsException(OpsError.DESTINATION_NOT_EMPTY, "event " + positions.get(i) + " of the backup landed at "
                            + "position " + stored.get(i).position() + " of the destination log; restore into an empty data dir");
                }
            }
            events += stored.size();
            lastPosition = positions.get(positions.size() - 1);
            batch.clear();
            positions.clear();
            progress.accept(lastPosition);
        }
    }

    private static void ownerOnly(Path file) {
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: the data dir's own permissions apply
        }
    }

    private int restoreContent(List<Manifest.FileEntry> content, Path dataDir) throws IOException {
        Path root = dataDir.resolve("documents");
        int n = 0;
        for (Manifest.FileEntry f : content) {
            Path dest = root.resolve(f.key().substring(Layout.CONTENT.length())).normalize();
            if (!dest.startsWith(root)) {
                throw new OpsException(OpsError.BACKUP_DEFECTIVE, "content key " + f.key() + " leaves the documents folder");
            }
            if (!FileCopies.download(target, f, dest)) {
                Files.deleteIfExists(dest);
                throw new OpsException(OpsError.BACKUP_DEFECTIVE, "content file " + f.key() + " changed in the target during the restore");
            }
            n++;
        }
        return n;
    }

    /** The secrets of the newest backup in the chain that holds them, unless the data dir has its own. */
    private int restoreSecrets(RestorePlan plan, Path dataDir) throws IOException {
        List<Manifest> chain = plan.chain();
        for (int i = chain.size() - 1; i >= 0; i--) {
            Manifest m = chain.get(i);
            if (m.secrets().isEmpty()) {
                continue;
            }
            int n = 0;
            for (Manifest.FileEntry f : m.secrets()) {
                Path dest = dataDir.resolve("secrets").resolve(f.key().substring(f.key().lastIndexOf('/') + 1));
                if (!Files.exists(dest)) {
                    if (!FileCopies.download(target, f, dest)) {
                        Files.deleteIfExists(dest);
                        throw new OpsException(OpsError.BACKUP_DEFECTIVE, "secret file " + f.key() + " changed in the target");
                    }
                    ownerOnly(dest);
                    n++;
                }
            }
            return n;
        }
        return 0;
    }
}

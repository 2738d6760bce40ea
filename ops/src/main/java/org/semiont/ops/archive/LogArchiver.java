package org.semiont.ops.archive;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Stream;
import org.semiont.events.EventLog;
import org.semiont.events.StoredEvent;
import org.semiont.ops.backup.BackupCatalog;
import org.semiont.ops.backup.BackupOptions;
import org.semiont.ops.backup.LogChunkWriter;
import org.semiont.ops.backup.Manifest;
import org.semiont.ops.backup.ManifestJson;
import org.semiont.ops.target.BackupTarget;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Continuous archiving: ships the events committed to the log, read by global position, to the target at most
 * {@code interval} after they commit, as {@link ArchiveSegment}s (new content files first, then the events, the
 * description last). The log's commit listener only notes each batch's end and time, which wakes the shipper and
 * gives the lag; all reading and writing is on the archiver's own thread. A failed shipment is tried again after
 * the interval; the lag shows how far behind it is.
 */
public final class LogArchiver implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LogArchiver.class);

    private final BackupTarget target;
    private final EventLog log;
    private final Duration interval;
    private final Clock clock;
    private final ContentShipper content;
    /** The end position of each committed batch not yet archived, with when it committed. */
    private final ConcurrentSkipListMap<Long, Instant> pending = new ConcurrentSkipListMap<>();
    private final Object wake = new Object();
    private volatile long shipped = -1;
    private volatile boolean running;
    private AutoCloseable listener;
    private Thread thread;

    public LogArchiver(BackupTarget target, EventLog log, Path dataDir, Duration interval, Clock clock) {
        this.target = target;
        this.log = log;
        this.interval = interval;
        this.clock = clock;
        this.content = new ContentShipper(target, dataDir);
    }

    /** Starts listening and shipping; what committed before (since the archive or newest backup ended) ships first. */
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        listener = log.onCommit(this::committed);
        pending.put(log.lastPosition(), clock.instant());
        thread = new Thread(this::loop, "semiont-log-archiver");
        thread.setDaemon(true);
        thread.start();
        LOG.info("Archiving the event log to {} every {} s", target.describe(), interval.toSeconds());
    }

    private void committed(List<StoredEvent> batch) {
        if (!batch.isEmpty()) {
            pending.put(batch.get(batch.size() - 1).position(), clock.instant());
            synchronized (wake) {
                wake.notifyAll();
            }
        }
    }

    /** Seconds since the oldest event not yet archived committed; 0 when all are; NaN before the first look. */
    public double lagSeconds() {
        if (shipped < 0) {
            return Double.NaN;
        }
        Map.Entry<Long, Instant> oldest = pending.higherEntry(shipped);
        return oldest == null ? 0 : Math.max(0, Duration.between(oldest.getValue(), clock.instant()).toMillis() / 1000.0);
    }

    /** The last position archived (-1 before the first look at the target). */
    public long archivedPosition() {
        return shipped;
    }

    private void loop() {
        while (running) {
            try {
                if (shipped < 0) {
                    shipped = startPosition();
                }
                Map.Entry<Long, Instant> oldest = pending.higherEntry(shipped);
                if (oldest == null) {
                    pending.headMap(shipped, true).clear();
                    awaitCommit();
                    continue;
                }
                long wait = Duration.between(clock.instant(), oldest.getValue().plus(interval)).toMillis();
                if (wait > 0) {
                    Thread.sleep(wait);
                }
                shipNow();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException | IOException e) {
                LOG.warn("Archiving to {} failed (tried again in {} s): {}", target.describe(), interval.toSeconds(), e.getMessage());
                try {
                    Thread.sleep(interval.toMillis());
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    private void awaitCommit() throws InterruptedException {
        synchronized (wake) {
            if (running && pending.higherEntry(shipped) == null) {
                wake.wait(interval.toMillis());
            }
        }
    }

    /** Where the archive of this log ends, or the newest backup of it, or the start of the log. */
    private long startPosition() {
        String logId = log.logId();
        long archived = ArchiveCatalog.read(target).end(logId).orElse(0L);
        long backedUp = BackupCatalog.read(target).all().stream().filter(m -> logId.equals(m.logId()))
                .mapToLong(m -> m.log().lastPosition()).max().orElse(0L);
        return Math.max(archived, backedUp);
    }

    /** Ships everything committed so far as one segment; returns it, or null when there was nothing. */
    public synchronized ArchiveSegment shipNow() throws IOException {
        if (shipped < 0) {
            shipped = startPosition();
        }
        long end = log.lastPosition();
        if (end <= shipped) {
            return null;
        }
        List<Manifest.FileEntry> files = content.shipNew();
        long first = shipped + 1;
        String logId = log.logId();
        LogChunkWriter chunks = new LogChunkWriter(target, ArchiveSegment.dir(logId, first), BackupOptions.DEFAULT_CHUNK_BYTES);
        StoredEvent firstEvent = null;
        StoredEvent last = null;
        try (chunks; Stream<StoredEvent> all = log.readAll(first)) {
            for (StoredEvent e : (Iterable<StoredEvent>) all.takeWhile(e -> e.position() <= end)::iterator) {
                chunks.write(e);
                firstEvent = firstEvent == null ? e : firstEvent;
                last = e;
            }
        }
        if (last == null || last.position() != end || firstEvent.position() != first) {
            throw new IOException("the event log read " + (firstEvent == null ? "nothing" : firstEvent.position() + ".."
                    + last.position()) + " where " + first + ".." + end + " was committed; run 'semiont events verify'");
        }
        ArchiveSegment s = new ArchiveSegment(ArchiveSegment.FORMAT, logId, first, end, firstEvent.instant(), last.instant(),
                last.checksum(), clock.instant(), chunks.chunks(), files);
        target.putAtomically(s.descriptionKey(), ManifestJson.mapper().writeValueAsBytes(s));
        shipped = end;
        pending.headMap(end, true).clear();
        return s;
    }

    @Override
    public void close() throws Exception {
        Thread t;
        synchronized (this) {
            running = false;
            t = thread;
            thread = null;
            if (listener != null) {
                listener.close();
            }
        }
        synchronized (wake) {
            wake.notifyAll();
        }
        if (t != null) {
            t.interrupt();
            t.join(Duration.ofMinutes(1).toMillis());
            try {
                shipNow(); // a clean stop leaves nothing unarchived
            } catch (IOException | RuntimeException e) {
                LOG.warn("The last shipment to {} before stopping failed: {}", target.describe(), e.getMessage());
            }
        }
    }
}

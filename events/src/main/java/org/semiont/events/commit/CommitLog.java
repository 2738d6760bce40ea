package org.semiont.events.commit;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import org.semiont.events.AppenderWakeUps;
import org.semiont.events.EventsError;
import org.semiont.events.EventsException;
import org.semiont.events.ExpectedVersion;
import org.semiont.events.NewEvent;
import org.semiont.events.StoredEvent;
import org.semiont.events.jsonl.EventLine;
import org.semiont.events.jsonl.StreamLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The write side of the event log: takes the directory lock, recovers from the global log, then
 * accepts appends through group commit. One per data directory per process.
 */
public final class CommitLog implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(CommitLog.class);

    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Committer committer;
    private final String logId;
    private final Appender appender;
    private final StreamStateCache cache;

    /** Settings the write side needs; validated by the caller. */
    public record Settings(int eventsPerFile, int streamCacheSize, int maxOpenFiles, long walSegmentBytes,
                           long checkpointBytes, boolean syncStreamFiles, Syncer syncer, Clock clock,
                           Supplier<String> idGenerator) {
    }

    /** Reads a stored event by stream and sequence, for idempotent appends. */
    public interface EventReader {
        StoredEvent read(String streamId, long sequence);
    }

    public CommitLog(StreamLayout layout, Path walDir, Settings s, EventReader reader,
                     CommitHooks hooks) {
        try {
            Files.createDirectories(walDir);
            lockChannel = FileChannel.open(walDir.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            lock = tryLock(lockChannel, walDir);
        } catch (IOException e) {
            throw new EventsException(EventsError.IO_FAILURE, "cannot open the event log in " + walDir + ": " + e, e);
        }
        try {
            logId = LogIdentity.readOrCreate(walDir, s.syncer());
            StreamLoader loader = new StreamLoader(layout, s.syncer());
            committer = recoverAndStart(layout, walDir, s, loader, hooks);
            cache = new StreamStateCache(s.streamCacheSize(), loader);
            appender = new Appender(cache, loader, committer, reader::read, s.clock(), s.idGenerator());
        } catch (IOException | RuntimeException e) {
            releaseLock();
            if (e instanceof EventsException ee) {
                throw ee;
            }
            throw new EventsException(EventsError.IO_FAILURE, "cannot open the event log in " + walDir + ": " + e, e);
        }
    }

    private static Committer recoverAndStart(StreamLayout layout, Path walDir, Settings s, StreamLoader loader,
                                             CommitHooks hooks) throws IOException {
        StreamFileWriters files = new StreamFileWriters(layout, s.eventsPerFile(), s.maxOpenFiles(), s.syncer());
        Recovery.Result r = new Recovery(walDir, loader, files).run();
        if (r.replayed() > 0) {
            LOG.info("recovered the event log: read {} global log records after the checkpoint, restored {} lines",
                    r.replayed(), r.restored());
        }
        boolean fresh = WalSegments.list(walDir).isEmpty() && r.lastPosition() == 0;
        WalWriter wal = new WalWriter(walDir, s.walSegmentBytes(), s.syncer());
        wal.openAt(r.segmentFirst(), r.validEnd());
        long last = fresh ? Adoption.adopt(layout, loader, wal) : r.lastPosition();
        Committer committer = new Committer(wal, files, walDir, s.syncer(), last, s.checkpointBytes(),
                s.syncStreamFiles(), hooks);
        committer.checkpoint();
        return committer;
    }

    private void releaseLock() {
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException ignored) {
            // closing the channel releases the lock in any case
        }
    }

    private static FileLock tryLock(FileChannel ch, Path walDir) throws IOException {
        try {
            FileLock l = ch.tryLock();
            if (l != null) {
                return l;
            }
        } catch (OverlappingFileLockException e) {
            // held by this JVM: same answer as another process holding it
        }
        ch.close();
        throw new EventsException(EventsError.LOG_FAILED, "the event log in " + walDir.getParent()
                + " is open for writing by another process (or another EventLog in this one); stop it first");
    }

    public List<StoredEvent> append(String streamId, ExpectedVersion expected, List<NewEvent> events, long[] version) {
        return appender.append(streamId, expected, events, version);
    }

    public List<StoredEvent> appendVerbatim(String streamId, List<EventLine> lines) {
        return appender.appendVerbatim(streamId, lines);
    }

    /** Throws the reason the log accepts no appends (an I/O failure stopped it, or it is closed); else returns. */
    public void checkWritable() {
        committer.checkOpen();
    }

    /** The last global position that is durable and visible to readers. */
    /** The log's identity (see {@link LogIdentity}). */
    public String logId() {
        return logId;
    }

    public long committedPosition() {
        return committer.committedPosition();
    }

    public void deferWakeUps(AppenderWakeUps w) {
        committer.deferWakeUps(w);
    }

    /** Group commits since open: events appended / batches = events per fsync. */
    public long commitBatches() {
        return committer.batches();
    }

    @Override
    public void close() throws IOException {
        try {
            committer.close();
        } finally {
            releaseLock();
        }
    }
}

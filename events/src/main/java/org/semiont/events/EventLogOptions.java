package org.semiont.events;

import java.time.Clock;
import java.util.UUID;
import java.util.function.Supplier;
import org.semiont.events.commit.Syncer;

/**
 * How an {@link EventLog} is opened. Validated once here, immutable afterwards.
 *
 * @param eventsPerFile     lines per stream file before rotating (the original uses 10,000)
 * @param streamCacheSize   streams whose version and last hash are kept in memory, with their event ids (~50 bytes
 *                          each) once an append has brought ids of its own to check
 * @param maxOpenFiles      stream files kept open by the commit thread
 * @param walSegmentBytes   size at which the global log starts a new segment
 * @param checkpointBytes   stream-file bytes written between checkpoints (bounds recovery work)
 * @param verifyThreads     threads used by {@link EventLog#verify}
 * @param readOnly          open without the write lock and without recovery (inspection tools)
 * @param syncStreamFiles   also fsync every stream file (and new directory) touched by a batch before
 *                          acknowledging it; off by default because the global log is already durable,
 *                          and this costs about one fsync per stream in the batch
 * @param syncer            {@link Syncer#FORCE} in production
 * @param clock             the events' timestamps
 * @param idGenerator       ids for events that come without one; each must be new (random UUIDs by default):
 *                          generated ids are not checked against the stream's ids
 */
public record EventLogOptions(int eventsPerFile, int streamCacheSize, int maxOpenFiles, long walSegmentBytes,
                              long checkpointBytes, int verifyThreads, boolean readOnly, boolean syncStreamFiles,
                              Syncer syncer,
                              Clock clock, Supplier<String> idGenerator) {
    public EventLogOptions {
        requirePositive("eventsPerFile", eventsPerFile);
        requirePositive("streamCacheSize", streamCacheSize);
        requirePositive("maxOpenFiles", maxOpenFiles);
        requirePositive("walSegmentBytes", walSegmentBytes);
        requirePositive("checkpointBytes", checkpointBytes);
        requirePositive("verifyThreads", verifyThreads);
        if (syncer == null || clock == null || idGenerator == null) {
            throw new EventsException(EventsError.INVALID_OPTIONS, "syncer, clock and idGenerator are required");
        }
    }

    private static void requirePositive(String name, long value) {
        if (value <= 0) {
            throw new EventsException(EventsError.INVALID_OPTIONS, name + " must be positive, got " + value);
        }
    }

    public static EventLogOptions defaults() {
        return new EventLogOptions(10_000, 10_000, 256, 64L << 20, 64L << 20,
                Math.max(1, Runtime.getRuntime().availableProcessors()), false, false, Syncer.FORCE,
                Clock.systemUTC(), () -> UUID.randomUUID().toString());
    }

    public EventLogOptions withEventsPerFile(int n) {
        return new EventLogOptions(n, streamCacheSize, maxOpenFiles, walSegmentBytes, checkpointBytes,
                verifyThreads, readOnly, syncStreamFiles, syncer, clock, idGenerator);
    }

    public EventLogOptions withStreamCacheSize(int n) {
        return new EventLogOptions(eventsPerFile, n, maxOpenFiles, walSegmentBytes, checkpointBytes,
                verifyThreads, readOnly, syncStreamFiles, syncer, clock, idGenerator);
    }

    public EventLogOptions withMaxOpenFiles(int n) {
        return new EventLogOptions(eventsPerFile, streamCacheSize, n, walSegmentBytes, checkpointBytes,
                verifyThreads, readOnly, syncStreamFiles, syncer, clock, idGenerator);
    }

    public EventLogOptions withWalSegmentBytes(long n) {
        return new EventLogOptions(eventsPerFile, streamCacheSize, maxOpenFiles, n, checkpointBytes,
                verifyThreads, readOnly, syncStreamFiles, syncer, clock, idGenerator);
    }

    public EventLogOptions withCheckpointBytes(long n) {
        return new EventLogOptions(eventsPerFile, streamCacheSize, maxOpenFiles, walSegmentBytes, n,
                verifyThreads, readOnly, syncStreamFiles, syncer, clock, idGenerator);
    }

    public EventLogOptions withReadOnly(boolean ro) {
        return new EventLogOptions(eventsPerFile, streamCacheSize, maxOpenFiles, walSegmentBytes, checkpointBytes,
                verifyThreads, ro, syncStreamFiles, syncer, clock, idGenerator);
    }

    public EventLogOptions withSyncStreamFiles(boolean sync) {
        return new EventLogOptions(eventsPerFile, streamCacheSize, maxOpenFiles, walSegmentBytes, checkpointBytes,
                verifyThreads, readOnly, sync, syncer, clock, idGenerator);
    }

    public EventLogOptions withSyncer(Syncer s) {
        return new EventLogOptions(eventsPerFile, streamCacheSize, maxOpenFiles, walSegmentBytes, checkpointBytes,
                verifyThreads, readOnly, syncStreamFiles, s, clock, idGenerator);
    }

    public EventLogOptions withClock(Clock c) {
        return new EventLogOptions(eventsPerFile, streamCacheSize, maxOpenFiles, walSegmentBytes, checkpointBytes,
                verifyThreads, readOnly, syncStreamFiles, syncer, c, idGenerator);
    }

    public EventLogOptions withVerifyThreads(int n) {
        return new EventLogOptions(eventsPerFile, streamCacheSize, maxOpenFiles, walSegmentBytes, checkpointBytes,
                n, readOnly, syncStreamFiles, syncer, clock, idGenerator);
    }
}

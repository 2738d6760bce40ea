package org.semiont.events.commit;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What an appender needs to know about a stream without re-reading it: its version, last
 * checksum and, once an append has brought ids of its own to check, every event id
 * ({@link #idsLoaded}). Guarded by {@link #lock}; {@link #pending} counts appends queued but
 * not yet in the stream file, so the cache never evicts (and reloads) a stream mid-commit.
 */
final class StreamState {
    final String streamId;
    final ReentrantLock lock = new ReentrantLock();
    final AtomicInteger pending = new AtomicInteger();
    boolean loaded;
    boolean evicted;
    long version;
    String lastHash;
    /** Complete only when {@link #idsLoaded}; until then generated ids are not recorded (they are never checked). */
    final EventIds ids = new EventIds();
    boolean idsLoaded;
    CompletableFuture<?> lastCommit = CompletableFuture.completedFuture(null);

    StreamState(String streamId) {
        this.streamId = streamId;
    }

    boolean idle() {
        return pending.get() == 0 && !lock.isLocked();
    }
}

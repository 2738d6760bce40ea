package org.semiont.events.commit;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What an appender needs to know about a stream without re-reading it: its version, last
 * checksum and event ids. Guarded by {@link #lock}; {@link #pending} counts appends queued but
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
    final EventIds ids = new EventIds();
    CompletableFuture<?> lastCommit = CompletableFuture.completedFuture(null);

    StreamState(String streamId) {
        this.streamId = streamId;
    }

    boolean idle() {
        return pending.get() == 0 && !lock.isLocked();
    }
}

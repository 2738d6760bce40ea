package org.semiont.events.commit;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bounded, least-recently-used set of {@link StreamState}s. {@link #acquire} returns the state
 * locked and loaded. Only idle states are evicted; an appender that raced with eviction retries.
 */
final class StreamStateCache {
    private final int capacity;
    private final StreamLoader loader;
    private final LinkedHashMap<String, StreamState> map = new LinkedHashMap<>(1024, 0.75f, true);

    StreamStateCache(int capacity, StreamLoader loader) {
        this.capacity = capacity;
        this.loader = loader;
    }

    StreamState acquire(String streamId) {
        while (true) {
            StreamState s;
            synchronized (map) {
                s = map.computeIfAbsent(streamId, StreamState::new);
                evictIfNeeded(streamId);
            }
            s.lock.lock();
            if (s.evicted) {
                s.lock.unlock();
                continue;
            }
            if (!s.loaded) {
                try {
                    loader.load(s);
                } catch (RuntimeException e) {
                    s.lock.unlock();
                    throw e;
                }
            }
            return s;
        }
    }

    /** Evicts idle states, oldest first, never the one being acquired (it would only come back). */
    private void evictIfNeeded(String keep) {
        Iterator<Map.Entry<String, StreamState>> it = map.entrySet().iterator();
        int excess = map.size() - capacity;
        while (excess > 0 && it.hasNext()) {
            StreamState s = it.next().getValue();
            if (!s.streamId.equals(keep) && s.idle() && s.lock.tryLock()) {
                try {
                    if (s.pending.get() == 0) {
                        s.evicted = true;
                        it.remove();
                        excess--;
                    }
                } finally {
                    s.lock.unlock();
                }
            }
        }
    }

    int size() {
        synchronized (map) {
            return map.size();
        }
    }
}

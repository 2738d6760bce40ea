package org.semiont.server.document;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Serializes state-checking commands (check, append, project) on one document; striped so memory stays
 * fixed. Plain appends that check nothing (adding an annotation) do not need it: the log orders them.
 */
public final class DocumentLocks {
    private final ReentrantLock[] stripes;

    public DocumentLocks(int count) {
        stripes = new ReentrantLock[count];
        for (int i = 0; i < count; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    public <T> T with(String documentId, Supplier<T> action) {
        ReentrantLock lock = stripes[Math.floorMod(documentId.hashCode(), stripes.length)];
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }
}

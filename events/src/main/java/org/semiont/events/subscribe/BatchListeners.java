package org.semiont.events.subscribe;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.semiont.events.StoredEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Listeners the log hands each batch to on its committing thread; one that throws is logged and stops nothing. */
public final class BatchListeners implements Consumer<List<StoredEvent>> {
    private static final Logger LOG = LoggerFactory.getLogger(BatchListeners.class);
    private final String stage;
    private final List<Consumer<List<StoredEvent>>> listeners = new CopyOnWriteArrayList<>();

    /** {@code stage} names the moment of the handing over in the log ("write", "commit"). */
    public BatchListeners(String stage) {
        this.stage = stage;
    }

    /** Adds a listener; closing the handle removes it. */
    public AutoCloseable add(Consumer<List<StoredEvent>> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public void accept(List<StoredEvent> events) {
        for (Consumer<List<StoredEvent>> l : listeners) {
            try {
                l.accept(events);
            } catch (RuntimeException e) {
                // the batch is in the log already; a listener's failure must not stop it
                LOG.warn("a {} listener failed on events {}..{}", stage, events.get(0).position(),
                        events.get(events.size() - 1).position(), e);
            }
        }
    }
}

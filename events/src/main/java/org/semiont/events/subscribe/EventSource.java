package org.semiont.events.subscribe;

import org.semiont.events.StoredEvent;

/** Where a subscription pulls its events from; null means "nothing more for now". */
public interface EventSource extends AutoCloseable {
    StoredEvent next();

    /** Sequence or position of the next event this source will return. */
    long cursor();

    @Override
    void close();
}

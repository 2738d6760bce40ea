package org.semiont.server.projection;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDateTime;
import org.semiont.events.StoredEvent;

/**
 * A projection rule as a pure function: the state after an event from the state before it (null: nothing yet),
 * the event, its parsed JSON and its time in UTC. No I/O.
 */
@FunctionalInterface
public interface Fold<S> {
    S apply(S state, StoredEvent e, ObjectNode event, LocalDateTime at);
}

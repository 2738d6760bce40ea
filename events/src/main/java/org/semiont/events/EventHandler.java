package org.semiont.events;

/** Receives events of a subscription, in order, on a subscription thread. Throwing ends the subscription. */
@FunctionalInterface
public interface EventHandler {
    void handle(StoredEvent event) throws Exception;
}

package org.semiont.server.projection;

import java.time.Instant;
import org.semiont.events.StoredEvent;

/**
 * The event the projector cannot get past: the same event failed on its own, in a transaction of its own, for a
 * reason that is not the database being away. {@code failure} is the server-side cause (for the operator and the
 * log, never for anonymous callers).
 */
public record BlockedEvent(long position, String eventId, String streamId, String type, String failure, Instant since,
                           int attempts) {
    static BlockedEvent of(StoredEvent e, Throwable failure, Instant since, int attempts) {
        return new BlockedEvent(e.position(), SkippedEvents.idOf(e), e.streamId(), typeOf(e), describe(failure), since, attempts);
    }

    BlockedEvent again(Throwable failure) {
        return new BlockedEvent(position, eventId, streamId, type, describe(failure), since, attempts + 1);
    }

    /** What an operator runs to leave this event out, once the cause is understood. */
    public String command() {
        return "semiont projections skip --position " + position + " --reason \"…\"";
    }

    private static String describe(Throwable t) {
        String m = t.getMessage();
        return t.getClass().getSimpleName() + (m == null ? "" : ": " + (m.length() > 500 ? m.substring(0, 500) + "…" : m));
    }

    /** The event's type, or "?" when its header cannot be read. */
    static String typeOf(StoredEvent e) {
        try {
            return e.type();
        } catch (RuntimeException ex) {
            return "?";
        }
    }
}

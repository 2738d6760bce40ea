package org.semiont.events;

/** The event log's one unchecked exception; {@link #error()} is the stable code callers map. */
public class EventsException extends RuntimeException {
    private final EventsError error;

    public EventsException(EventsError error, String message) {
        super(message);
        this.error = error;
    }

    public EventsException(EventsError error, String message, Throwable cause) {
        super(message, cause);
        this.error = error;
    }

    public EventsError error() {
        return error;
    }
}

package org.semiont.server.write;

import java.time.Duration;
import org.semiont.server.error.DomainException;
import java.util.List;
import org.semiont.events.AppendResult;
import org.semiont.events.EventLog;
import org.semiont.events.ExpectedVersion;
import org.semiont.events.NewEvent;
import org.semiont.events.StoredEvent;
import org.semiont.server.projection.Projector;

/**
 * The write path: append to the event log first (durable), then wait until the projector has applied
 * those events, so the caller's next read sees them.
 */
public final class EventWriter {
    private final EventLog events;
    private final Projector projector;
    private final Duration timeout;

    public EventWriter(EventLog events, Projector projector, Duration timeout) {
        this.events = events;
        this.projector = projector;
        this.timeout = timeout;
    }

    public AppendResult write(String streamId, ExpectedVersion expected, List<NewEvent> batch) {
        AppendResult result = events.append(streamId, expected, batch);
        long last = result.events().stream().mapToLong(StoredEvent::position).max().orElse(0);
        awaitProjected(last);
        return result;
    }

    public AppendResult write(String streamId, ExpectedVersion expected, NewEvent event) {
        return write(streamId, expected, List.of(event));
    }

    private void awaitProjected(long position) {
        try {
            if (!projector.awaitApplied(position, timeout)) {
                // the failure's own text (database errors, paths) is for the server log, not for API clients
                String failing = projector.blocked().map(b -> " (the projection is stopped at the event at global position "
                        + b.position() + ", which it cannot apply: 'semiont projections status' names it)")
                        .orElse(projector.lastFailure() == null ? ""
                        : " (the projector is retrying after a failure; the server log has the cause)");
                throw DomainException.unavailable("The change was saved (event log position "
                        + position + ") but is not visible yet: the projection is at " + projector.appliedPosition()
                        + failing + ". Retry the read in a moment.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DomainException.unavailable("Interrupted while waiting for the projection");
        }
    }

    public EventLog log() {
        return events;
    }
}

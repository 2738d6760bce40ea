package org.semiont.server.projection;

import java.time.Clock;
import java.util.Optional;
import java.util.stream.Stream;
import org.semiont.events.EventLog;
import org.semiont.events.ExpectedVersion;
import org.semiont.events.StoredEvent;

/**
 * Records an operator's decision to leave one event out of the projections ({@link SkippedEvents}), after checking
 * that the decision makes sense: the event exists, is not projected yet (skipping a projected event would make the
 * projections differ from every later rebuild), is not skipped already, and the reason is said.
 */
public final class ProjectionSkips {
    public static final int MAX_REASON = 1000;
    private final EventLog events;
    private final Clock clock;

    public ProjectionSkips(EventLog events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /** Why a decision was refused; each has its own answer at the edges (HTTP status, exit code). */
    public enum Why { INVALID_REASON, NO_SUCH_EVENT, ALREADY_PROJECTED, ALREADY_SKIPPED }

    /** A refused decision; nothing was appended. */
    public static final class Refused extends RuntimeException {
        private final Why why;

        Refused(Why why, String message) {
            super(message, null, false, false);
            this.why = why;
        }

        public Why why() {
            return why;
        }
    }

    /**
     * Appends the decision to skip the event at {@code position}, given the projections stand at {@code applied};
     * returns it. {@code known} are the decisions already taken.
     */
    public SkippedEvents.Decision skip(long position, String reason, String actorId, long applied, SkippedEvents known) {
        if (reason == null || reason.isBlank() || reason.length() > MAX_REASON) {
            throw new Refused(Why.INVALID_REASON, "Say why the event is left out: a reason of 1.." + MAX_REASON
                    + " characters; it is kept in the log with the decision");
        }
        StoredEvent e = at(position).orElseThrow(() -> new Refused(Why.NO_SUCH_EVENT, "The event log has no event at "
                + "global position " + position + " (it ends at " + events.lastPosition() + ")"));
        if (known.skips(e)) {
            throw new Refused(Why.ALREADY_SKIPPED, "The event at global position " + position + " is skipped already");
        }
        if (position <= applied) {
            throw new Refused(Why.ALREADY_PROJECTED, "The event at global position " + position + " is projected already "
                    + "(the projections stand at " + applied + "); only an event the projection is stopped at, or one after "
                    + "it, can be left out");
        }
        StoredEvent recorded = events.append(SkippedEvents.STREAM, ExpectedVersion.any(),
                SkippedEvents.event(e, reason.trim(), actorId)).events().get(0);
        return new SkippedEvents.Decision(position, SkippedEvents.idOf(e), e.streamId(), BlockedEvent.typeOf(e),
                reason.trim(), actorId, recorded.position() > 0 ? recorded.instant() : clock.instant());
    }

    /** The event at a global position, if the log has one. */
    public Optional<StoredEvent> at(long position) {
        if (position < 1 || position > events.lastPosition()) {
            return Optional.empty();
        }
        try (Stream<StoredEvent> s = events.readAll(position)) {
            return s.findFirst().filter(e -> e.position() == position);
        }
    }
}

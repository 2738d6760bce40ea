package org.semiont.server.projection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Stream;
import org.semiont.events.EventLog;
import org.semiont.events.NewEvent;
import org.semiont.events.StoredEvent;

/**
 * The operator's decisions to leave events out of the projections. An event that cannot be projected stays in the
 * log (nothing is ever lost); the decision to pass over it is an event of its own on the {@value #STREAM} stream, so
 * it is on record with who took it, when and why, and every later rebuild passes over the same events. A decision
 * names the event by global position and id, so it never applies to another log's event at that position.
 */
public final class SkippedEvents {
    public static final String STREAM = "__projections__";
    public static final String SKIPPED = "projection.event-skipped";
    private final Map<Long, Decision> byPosition = new ConcurrentSkipListMap<>();

    /** One decision: the event it names and why it is left out. */
    public record Decision(long position, String eventId, String streamId, String type, String reason, String by, Instant at) {
    }

    private SkippedEvents() {
    }

    public static SkippedEvents none() {
        return new SkippedEvents();
    }

    /** The decisions recorded in the log (a short stream: one event per decision). */
    public static SkippedEvents load(EventLog events) {
        SkippedEvents s = new SkippedEvents();
        try (Stream<StoredEvent> decisions = events.readStream(STREAM, 1)) {
            decisions.filter(e -> SKIPPED.equals(e.type())).forEach(e -> s.add(decision(e)));
        }
        return s;
    }

    /** Whether {@code e} is to be left out of the projections. */
    public boolean skips(StoredEvent e) {
        if (byPosition.isEmpty()) {
            return false;
        }
        Decision d = byPosition.get(e.position());
        return d != null && d.eventId().equals(idOf(e));
    }

    /** The event's id, or "?" when even its header cannot be read (an event no reader can parse can still be skipped). */
    static String idOf(StoredEvent e) {
        try {
            return e.id();
        } catch (RuntimeException ex) {
            return "?";
        }
    }

    public void add(Decision d) {
        byPosition.put(d.position(), d);
    }

    public List<Decision> all() {
        return new ArrayList<>(byPosition.values());
    }

    /** The event recording a decision to skip {@code e}. */
    public static NewEvent event(StoredEvent e, String reason, String actorId) {
        ObjectNode p = JsonNodeFactory.instance.objectNode().put("position", e.position()).put("eventId", idOf(e))
                .put("streamId", e.streamId()).put("type", BlockedEvent.typeOf(e)).put("reason", reason);
        return NewEvent.of(SKIPPED, null, actorId, p);
    }

    /** The decision a stored {@code projection.event-skipped} event records. */
    public static Decision decision(StoredEvent e) {
        JsonNode p = e.event().path("payload");
        return new Decision(p.path("position").asLong(), p.path("eventId").asText(), p.path("streamId").asText(),
                p.path("type").asText(), p.path("reason").asText(), e.userId(), e.instant());
    }
}

package org.semiont.studio.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.semiont.events.Defect;
import org.semiont.events.EventLog;
import org.semiont.events.StoredEvent;
import org.semiont.events.StreamIds;
import org.semiont.events.chain.ChainCheck;
import org.semiont.studio.browse.RowData;

/**
 * The events that made an event-sourced row, read from its stream through {@link EventLog} with each event's chain
 * status (checksum, link to the previous event, sequence) checked as it is read.
 */
public final class RowEvents {
    /** Streams longer than this show their last events only. */
    public static final int MAX_EVENTS = 500;
    static final String USERS_STREAM = "__users__";
    static final String NON_DOCUMENT_ANNOTATIONS = "__annotations__";
    static final String PASSWORD_HASH = "passwordHash";
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final EventLog log;

    public RowEvents(EventLog log) {
        this.log = log;
    }

    /** The row's stream and the events of it that concern the row; empty for a model that is not event-sourced. */
    public Optional<List<EventRow>> of(RowData row) {
        switch (row.model()) {
            case "documents":
                return Optional.of(read(row.get("id"), e -> true));
            case "annotations": {
                String doc = row.get("documentId");
                String id = row.get("id");
                return Optional.of(read(doc == null ? NON_DOCUMENT_ANNOTATIONS : doc, e -> names(e, id)));
            }
            case "users": {
                String id = row.get("id");
                return Optional.of(read(USERS_STREAM, e -> names(e, id)));
            }
            case "entity_types": {
                String name = row.get("name");
                return Optional.of(read(StreamIds.SYSTEM, e -> e.type().startsWith("entitytype") && names(e, name)));
            }
            default:
                return Optional.empty();
        }
    }

    /** Whether the event's payload names the row (its actor may be anyone: the user who made it is not the row). */
    static boolean names(StoredEvent e, String id) {
        JsonNode payload = e.event().get("payload");
        return payload != null && payload.toString().contains(id);
    }

    /** A stream's events matching {@code keep}, the last {@link #MAX_EVENTS} of them, chain-checked from the start. */
    public List<EventRow> read(String streamId, Predicate<StoredEvent> keep) {
        if (!log.streamIds().contains(streamId)) {
            return List.of();
        }
        List<Defect> defects = new ArrayList<>();
        ChainCheck check = new ChainCheck(streamId, defects);
        List<StoredEvent> kept = new ArrayList<>();
        try (Stream<StoredEvent> s = log.readStream(streamId, 1)) {
            s.forEach(e -> {
                check.accept(streamId, e.sequence(), e.line());
                if (keep.test(e)) {
                    kept.add(e);
                    if (kept.size() > MAX_EVENTS) {
                        kept.remove(0);
                    }
                }
            });
        }
        Map<Long, String> bySequence = new HashMap<>();
        defects.forEach(d -> bySequence.merge(d.sequence(), d.kind() + ": " + d.detail(), (a, b) -> a + "; " + b));
        return kept.stream().map(e -> row(e, bySequence.getOrDefault(e.sequence(), "ok"))).toList();
    }

    static EventRow row(StoredEvent e, String chain) {
        return new EventRow(e.streamId(), e.sequence(), e.position(), e.type(), e.userId(), e.timestamp(), payload(e), chain);
    }

    /** The payload, pretty-printed, with any password hash hidden (moderators read these pages too). */
    static String payload(StoredEvent e) {
        JsonNode p = e.event().get("payload");
        if (p instanceof com.fasterxml.jackson.databind.node.ObjectNode o && o.has(PASSWORD_HASH)) {
            p = o.deepCopy().put(PASSWORD_HASH, "(hidden)");
        }
        try {
            return p == null ? "" : PRETTY.writeValueAsString(p);
        } catch (Exception ex) {
            return String.valueOf(p);
        }
    }
}

package org.semiont.server.projection;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.semiont.events.EventLog;
import org.semiont.events.StoredEvent;
import org.semiont.server.util.NulChars;
import org.semiont.server.util.Sql;

/**
 * "This row as it was after event N": folds one stream's events, in order, up to and including global position
 * {@code position}, with the same {@link Fold} the projections use, leaving out the events the operator decided
 * to skip, as the projector does. Reads the global log through {@link EventLog}, by position.
 */
public final class RowHistory {
    private RowHistory() {
    }

    /** The state after the stream's last event at or before {@code position}; {@code initial} when there is none. */
    public static <S> S asOf(EventLog log, String streamId, long position, S initial, Fold<S> fold) {
        S state = initial;
        for (StoredEvent e : events(log, streamId, position)) {
            state = step(state, e, fold);
        }
        return state;
    }

    /** The stream's events at or before global {@code position} that the projector applies, in order. */
    public static List<StoredEvent> events(EventLog log, String streamId, long position) {
        return events(log, Set.of(streamId), position);
    }

    /**
     * The events of these streams at or before global {@code position} that the projector applies, in log order.
     * Events read from a stream carry no global position, so this reads the global log up to {@code position}: the
     * cost grows with the log, not with the stream.
     */
    public static List<StoredEvent> events(EventLog log, Set<String> streamIds, long position) {
        SkippedEvents skips = SkippedEvents.load(log);
        List<StoredEvent> out = new ArrayList<>();
        try (Stream<StoredEvent> events = log.readAll(1)) {
            Iterator<StoredEvent> it = events.iterator();
            while (it.hasNext()) {
                StoredEvent e = it.next();
                if (e.position() > position) {
                    break;
                }
                if (streamIds.contains(e.streamId()) && !skips.skips(e)) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    /** One event through {@code fold}, parsed as the projector parses it. */
    public static <S> S step(S state, StoredEvent e, Fold<S> fold) {
        ObjectNode event = NulChars.projectable(e);
        return fold.apply(state, e, event, Sql.utc(e.instant()));
    }
}

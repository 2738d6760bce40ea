package org.semiont.server.projection;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.semiont.events.StoredEvent;
import org.semiont.server.util.NulChars;

/** Applies a run of events (already in global order) to every projection that handles them. */
public final class BatchApplier {
    private BatchApplier() {
    }

    /** Skips events at or before {@code after} (a subscription may redeliver after a restart). */
    public static void apply(Connection c, List<Projection> projections, List<StoredEvent> batch, long after)
            throws SQLException {
        apply(c, projections, batch, after, SkippedEvents.none());
    }

    /** {@link #apply}, leaving out the events the operator decided to skip. */
    static void apply(Connection c, List<Projection> projections, List<StoredEvent> batch, long after, SkippedEvents skips)
            throws SQLException {
        applyEvents(c, projections, batch, after, skips);
        for (Projection p : projections) {
            p.beforeCommit(c);
        }
    }

    /** {@link #apply} without the projections' {@code beforeCommit}, which is the caller's. */
    static void applyEvents(Connection c, List<Projection> projections, List<StoredEvent> batch, long after,
                            SkippedEvents skips) throws SQLException {
        for (StoredEvent e : batch) {
            if (e.position() <= after || skips.skips(e)) {
                continue;
            }
            String type = e.type();
            ObjectNode event = null;
            for (Projection p : projections) {
                if (p.handles(type)) {
                    if (event == null) {
                        event = NulChars.projectable(e);
                    }
                    p.apply(c, e, event);
                }
            }
        }
    }
}

package org.semiont.studio.history;

import java.util.Map;

/**
 * A row as it was right after {@code step} ({@code index} in its timeline; -1 and a null step: before its first
 * event). {@code columns} holds each column the folds make, as PostgreSQL prints it (empty unless {@link State#PRESENT}).
 */
public record Snapshot(int index, TimelineStep step, State state, Map<String, String> columns) {
    public enum State {
        /** Before the row's first event. */
        NOT_YET,
        PRESENT,
        /** After an event that removed the row (or after events that never made one). */
        GONE
    }
}

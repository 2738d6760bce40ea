package org.semiont.studio.history;

import java.util.List;

/**
 * The events of one event-sourced row, in log order: a document's document-level events, an annotation's add,
 * replacements, body edits and removal, a user's {@code user.*} events, an entity type's add. {@code streamId} is the
 * stream they are in (null when there are none).
 */
public record RowTimeline(String model, String rowId, String streamId, List<TimelineStep> steps) {
    public RowTimeline {
        steps = List.copyOf(steps);
    }

    /** The index of the last step at or before global {@code position}; -1 before the first. */
    public int indexAt(long position) {
        int index = -1;
        for (int i = 0; i < steps.size() && steps.get(i).position() <= position; i++) {
            index = i;
        }
        return index;
    }
}

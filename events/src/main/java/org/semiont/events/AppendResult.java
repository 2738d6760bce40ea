package org.semiont.events;

import java.util.List;

/**
 * What an append stored. {@code events} are in the order given; an event whose id was already in
 * the stream is returned as stored before and counted in {@code duplicates}.
 * {@code nextExpectedVersion} is the stream's version after the append.
 */
public record AppendResult(List<StoredEvent> events, long nextExpectedVersion, int duplicates) {
    public AppendResult {
        events = List.copyOf(events);
    }
}

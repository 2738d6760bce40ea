package org.semiont.studio.history;

/** One event that changed (or could change) a row: where it is in the log and what it was. */
public record TimelineStep(long position, String streamId, long sequence, String type, String userId, String timestamp) {
}

package org.semiont.ops.backup;

/** One record of a log chunk: the event's global position, its stream and its line exactly as the log holds it. */
public record LogRecord(long position, String streamId, byte[] line) {
}

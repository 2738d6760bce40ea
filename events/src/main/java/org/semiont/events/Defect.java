package org.semiont.events;

/** One problem found by verification, located by stream, file, line (1-based) and sequence. */
public record Defect(String streamId, String file, long line, long sequence, Kind kind, String detail) {
    public enum Kind {
        MALFORMED_LINE, CHECKSUM_MISMATCH, BROKEN_LINK, SEQUENCE_GAP, TORN_TAIL, UNREADABLE,
        GLOBAL_LOG_DAMAGED, NOT_IN_GLOBAL_LOG
    }

    @Override
    public String toString() {
        return kind + " stream=" + streamId + " file=" + file + " line=" + line
                + (sequence > 0 ? " sequence=" + sequence : "") + ": " + detail;
    }
}

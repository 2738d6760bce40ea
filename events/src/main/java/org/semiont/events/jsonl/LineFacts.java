package org.semiont.events.jsonl;

import java.nio.charset.StandardCharsets;

/**
 * What the chain check needs of one line, located in the line's bytes without copying them or making strings: where
 * the event bytes are, the sequence number, and where the checksum and {@code prevEventHash} values are. Reused line
 * after line; {@link #locate} accepts exactly the lines {@link LineCodec#parse} reads on its quick path (flat,
 * unescaped ASCII metadata last), with the same values. Anything else is the caller's to parse in full.
 */
public final class LineFacts {
    private byte[] bytes;
    private int eventStart;
    private int eventEnd;
    private long sequence;
    private int checksumAt;
    private int checksumLength;
    private int prevAt;
    private int prevLength;

    /** Locates the facts of the line {@code b[from, to)} (without its newline); false when it needs the full parser. */
    public boolean locate(byte[] b, int from, int to) {
        if (!LineCodec.startsWithPrefix(b, from, to)) {
            return false;
        }
        int at = LineCodec.metadataFromTheEnd(b, from, to);
        MetadataParser m = at < 0 ? null : LineCodec.quickMetadata(b, at, to);
        if (m == null) {
            return false;
        }
        bytes = b;
        eventStart = from + LineCodec.prefixLength();
        eventEnd = at;
        sequence = m.sequence;
        checksumAt = m.checksumAt;
        checksumLength = m.checksumLength;
        prevAt = m.prevAt;
        prevLength = m.prevLength;
        return true;
    }

    public byte[] bytes() {
        return bytes;
    }

    public int eventStart() {
        return eventStart;
    }

    public int eventLength() {
        return eventEnd - eventStart;
    }

    public long sequence() {
        return sequence;
    }

    public int checksumAt() {
        return checksumAt;
    }

    public int checksumLength() {
        return checksumLength;
    }

    /** Whether the metadata has a {@code prevEventHash}. */
    public boolean hasPrev() {
        return prevAt >= 0;
    }

    public int prevAt() {
        return prevAt;
    }

    public int prevLength() {
        return prevLength;
    }

    public String checksum() {
        return new String(bytes, checksumAt, checksumLength, StandardCharsets.US_ASCII);
    }

    public String prevEventHash() {
        return prevAt < 0 ? null : new String(bytes, prevAt, prevLength, StandardCharsets.US_ASCII);
    }
}

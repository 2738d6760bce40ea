package org.semiont.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.semiont.events.jsonl.BytePattern;
import org.semiont.events.jsonl.EventHeader;
import org.semiont.events.jsonl.EventLine;
import org.semiont.events.jsonl.LineCodec;
import org.semiont.events.jsonl.LineFormatException;
import org.semiont.events.jsonl.Timestamps;

/**
 * An event as stored: its stream, sequence number, global position (0 when read from a stream
 * file, which does not record it) and the exact line bytes, so checksums are of what was written.
 * Header fields are parsed on first use.
 */
public final class StoredEvent {
    private static final LineCodec CODEC = new LineCodec();
    private static final ObjectMapper MAPPER = org.semiont.events.jsonl.LogJson.mapper();

    private final String streamId;
    private final long position;
    private final EventLine line;
    private volatile EventHeader header;

    public StoredEvent(String streamId, long position, EventLine line) {
        this.streamId = streamId;
        this.position = position;
        this.line = line;
    }

    /** Parses a stored line (without its newline). */
    public static StoredEvent parse(String streamId, long position, byte[] lineBytes) {
        try {
            return new StoredEvent(streamId, position, CODEC.parse(lineBytes));
        } catch (LineFormatException e) {
            throw new EventsException(EventsError.CORRUPT_LOG, "stream '" + streamId + "' holds a malformed line"
                    + (position > 0 ? " at global position " + position : "") + ": " + e.getMessage()
                    + "; run 'semiont events verify --stream " + streamId + "'", e);
        }
    }

    public String streamId() {
        return streamId;
    }

    public long sequence() {
        return line.sequence();
    }

    public long position() {
        return position;
    }

    public String checksum() {
        return line.checksum();
    }

    /** The previous event's checksum; null on sequence 1. */
    public String prevEventHash() {
        return line.prevEventHash();
    }

    public String id() {
        return header().id();
    }

    public String type() {
        return header().type();
    }

    public String userId() {
        return header().userId();
    }

    public String documentId() {
        return header().documentId();
    }

    /** The event's timestamp text as stored ({@code 2026-11-25T12:43:49.984Z}). */
    public String timestamp() {
        return header().timestamp();
    }

    public Instant instant() {
        return Timestamps.parse(timestamp());
    }

    /** The {@code event} object exactly as written (what the checksum covers). */
    public String eventJson() {
        return line.eventJson();
    }

    /** The {@code event} object as a fresh tree. */
    public ObjectNode event() {
        try {
            return (ObjectNode) MAPPER.readTree(line.bytes(), line.eventStart(), line.eventLength());
        } catch (IOException e) {
            throw new UncheckedIOException("event " + sequence() + " of '" + streamId + "' is not JSON", e);
        }
    }

    /**
     * Whether the {@code event} object's bytes contain the pattern as written: a cheap test before {@link #event()}
     * for text that JSON writes without escapes (letters, digits, {@code -}, {@code _}).
     */
    public boolean eventContains(BytePattern p) {
        return p.foundIn(line.bytes(), line.eventStart(), line.eventEnd());
    }

    /** The whole line as written, without the newline. */
    public String lineJson() {
        return new String(line.bytes(), StandardCharsets.UTF_8);
    }

    public byte[] lineBytes() {
        return Arrays.copyOf(line.bytes(), line.bytes().length);
    }

    public EventLine line() {
        return line;
    }

    public StoredEvent withPosition(long newPosition) {
        return new StoredEvent(streamId, newPosition, line);
    }

    private EventHeader header() {
        EventHeader h = header;
        if (h == null) {
            h = CODEC.header(line);
            header = h;
        }
        return h;
    }

    @Override
    public String toString() {
        return streamId + "#" + sequence() + (position > 0 ? "@" + position : "") + " " + type();
    }
}

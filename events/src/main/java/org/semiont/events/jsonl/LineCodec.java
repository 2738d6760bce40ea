package org.semiont.events.jsonl;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.semiont.events.chain.Sha256;

/**
 * Writes and reads the original's line format
 * {@code {"event":{…},"metadata":{"sequenceNumber","streamPosition","timestamp","prevEventHash"?,"checksum"}}}.
 */
public final class LineCodec {
    private static final byte[] PREFIX = "{\"event\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] META = ",\"metadata\":".getBytes(StandardCharsets.US_ASCII);
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private final JsonFactory factory = LogJson.factory();
    private final ThreadLocal<MessageDigest> digest = ThreadLocal.withInitial(Sha256::newDigest);

    /** Encodes an event (already holding id and timestamp) as a line ending in a newline. */
    public EventLine encode(ObjectNode event, long sequence, String timestamp, String prevEventHash) {
        byte[] eventBytes = JsJson.toBytes(event);
        String checksum = Sha256.hex(digest.get(), eventBytes, 0, eventBytes.length);
        StringBuilder meta = new StringBuilder(200);
        meta.append("{\"sequenceNumber\":").append(sequence).append(",\"streamPosition\":0,\"timestamp\":");
        JsJson.writeString(timestamp, meta);
        if (prevEventHash != null) {
            meta.append(",\"prevEventHash\":\"").append(prevEventHash).append('"');
        }
        meta.append(",\"checksum\":\"").append(checksum).append("\"}}");
        byte[] metaBytes = meta.toString().getBytes(StandardCharsets.UTF_8);
        byte[] line = new byte[PREFIX.length + eventBytes.length + META.length + metaBytes.length];
        int p = copy(PREFIX, line, 0);
        p = copy(eventBytes, line, p);
        p = copy(META, line, p);
        copy(metaBytes, line, p);
        return new EventLine(line, PREFIX.length, PREFIX.length + eventBytes.length, sequence, 0,
                timestamp, prevEventHash, checksum);
    }

    private static int copy(byte[] src, byte[] dst, int at) {
        System.arraycopy(src, 0, dst, at, src.length);
        return at + src.length;
    }

    /** Parses a line (without its newline); the event bytes are located, not re-serialized. */
    public EventLine parse(byte[] line) throws LineFormatException {
        if (!startsWith(line, PREFIX, 0)) {
            throw new LineFormatException("line does not start with {\"event\":");
        }
        EventLine quick = parseFromTheEnd(line);
        if (quick != null) {
            return quick;
        }
        int eventEnd = JsonScan.endOfValue(line, PREFIX.length);
        if (eventEnd < 0 || line[PREFIX.length] != '{') {
            throw new LineFormatException("the event object is not closed");
        }
        if (!startsWith(line, META, eventEnd)) {
            throw new LineFormatException("no \"metadata\" after the event object");
        }
        int metaStart = eventEnd + META.length;
        int metaEnd = JsonScan.endOfValue(line, metaStart);
        if (metaEnd < 0 || metaEnd != line.length - 1 || line[line.length - 1] != '}') {
            throw new LineFormatException("the metadata object is not closed at the end of the line");
        }
        return readMetadata(line, PREFIX.length, eventEnd, metaStart, metaEnd - metaStart);
    }

    /**
     * The metadata is flat and last, and {@code ,"metadata":{} cannot occur inside a JSON string
     * (its quotes would be escaped), so its last occurrence is the top-level boundary. This skips
     * scanning the event bytes; anything unusual goes the long way.
     */
    private static EventLine parseFromTheEnd(byte[] line) {
        int at = metadataFromTheEnd(line, 0, line.length);
        if (at < 0) {
            return null;
        }
        MetadataParser m = quickMetadata(line, at, line.length);
        if (m == null) {
            return null;
        }
        return new EventLine(line, PREFIX.length, at, m.sequence, m.streamPosition, m.timestamp(),
                m.prevEventHash(), m.checksum());
    }

    /**
     * Where {@code ,"metadata":} starts in the line {@code b[from, to)} (which starts with the prefix), found from the
     * end as {@link #parseFromTheEnd} does, or -1 when the line must go the long way.
     */
    static int metadataFromTheEnd(byte[] b, int from, int to) {
        int n = to - from;
        if (n < PREFIX.length + 2 || b[to - 1] != '}' || b[to - 2] != '}') {
            return -1;
        }
        int at = lastIndexOf(b, META, from, to - 2);
        if (at <= from + PREFIX.length || b[at - 1] != '}') {
            return -1;
        }
        return at;
    }

    /** The flat metadata after {@code ,"metadata":} at {@code at}, if it has a positive sequence and a checksum. */
    static MetadataParser quickMetadata(byte[] b, int at, int to) {
        int metaStart = at + META.length;
        MetadataParser m = MetadataParser.parse(b, metaStart, to - 1 - metaStart);
        return m == null || m.sequence < 1 || m.checksumAt < 0 ? null : m;
    }

    static boolean startsWithPrefix(byte[] b, int from, int to) {
        if (to - from < PREFIX.length) {
            return false;
        }
        for (int i = 0; i < PREFIX.length; i++) {
            if (b[from + i] != PREFIX[i]) {
                return false;
            }
        }
        return true;
    }

    static int prefixLength() {
        return PREFIX.length;
    }

    /**
     * The last start of {@code pattern} in {@code b[from, before)}: words of eight bytes are searched for the pattern's
     * first byte (exact per-byte compare), and only those places are compared in full.
     */
    private static int lastIndexOf(byte[] b, byte[] pattern, int from, int before) {
        long first = (pattern[0] & 0xffL) * 0x0101010101010101L;
        int i = before - pattern.length;
        for (; i - 7 >= from; i -= 8) {
            long y = (long) LONGS.get(b, i - 7) ^ first;
            long hits = ~(((y & 0x7f7f7f7f7f7f7f7fL) + 0x7f7f7f7f7f7f7f7fL) | y | 0x7f7f7f7f7f7f7f7fL);
            while (hits != 0) {
                int at = i - 7 + ((63 - Long.numberOfLeadingZeros(hits)) >>> 3);
                if (matches(b, pattern, at)) {
                    return at;
                }
                hits &= ~Long.highestOneBit(hits);
            }
        }
        for (; i >= from; i--) {
            if (matches(b, pattern, i)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean matches(byte[] b, byte[] pattern, int at) {
        for (int k = 0; k < pattern.length; k++) {
            if (b[at + k] != pattern[k]) {
                return false;
            }
        }
        return true;
    }

    private EventLine readMetadata(byte[] line, int eventStart, int eventEnd, int off, int len)
            throws LineFormatException {
        MetadataParser fast = MetadataParser.parse(line, off, len);
        if (fast != null && fast.sequence >= 1 && fast.checksumAt >= 0) {
            return new EventLine(line, eventStart, eventEnd, fast.sequence, fast.streamPosition, fast.timestamp(),
                    fast.prevEventHash(), fast.checksum());
        }
        return readMetadataSlowly(line, eventStart, eventEnd, off, len);
    }

    private EventLine readMetadataSlowly(byte[] line, int eventStart, int eventEnd, int off, int len)
            throws LineFormatException {
        long seq = -1;
        long pos = 0;
        String ts = null;
        String prev = null;
        String checksum = null;
        try (JsonParser p = factory.createParser(line, off, len)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new LineFormatException("metadata is not an object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                switch (name) {
                    case "sequenceNumber": seq = t.isNumeric() ? p.getLongValue() : -1; break;
                    case "streamPosition": pos = t.isNumeric() ? p.getLongValue() : 0; break;
                    case "timestamp": ts = p.getValueAsString(); break;
                    case "prevEventHash": prev = p.getValueAsString(); break;
                    case "checksum": checksum = p.getValueAsString(); break;
                    default: p.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new LineFormatException("metadata is not valid JSON: " + e.getMessage(), e);
        }
        if (seq < 1 || checksum == null) {
            throw new LineFormatException("metadata lacks a positive sequenceNumber or a checksum");
        }
        return new EventLine(line, eventStart, eventEnd, seq, pos, ts, prev, checksum);
    }

    /** Reads the event's top-level string fields (type, userId, id, …) without building a tree. */
    public EventHeader header(EventLine line) {
        EventHeader fast = HeaderScanner.scan(line.bytes(), line.eventStart(), line.eventLength());
        return fast != null ? fast : headerSlowly(line);
    }

    private EventHeader headerSlowly(EventLine line) {
        String type = null;
        String userId = null;
        String documentId = null;
        String id = null;
        String timestamp = null;
        try (JsonParser p = factory.createParser(line.bytes(), line.eventStart(), line.eventLength())) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if (t == JsonToken.VALUE_STRING) {
                    switch (name) {
                        case "type": type = p.getText(); break;
                        case "userId": userId = p.getText(); break;
                        case "documentId": documentId = p.getText(); break;
                        case "id": id = p.getText(); break;
                        case "timestamp": timestamp = p.getText(); break;
                        default: break;
                    }
                } else {
                    p.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("event JSON of sequence " + line.sequence() + " is invalid", e);
        }
        return new EventHeader(type, userId, documentId, id, timestamp);
    }

    private static boolean startsWith(byte[] b, byte[] prefix, int at) {
        if (at < 0 || b.length - at < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}

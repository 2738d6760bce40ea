package org.semiont.events.jsonl;

import java.nio.charset.StandardCharsets;

/**
 * One parsed JSONL line: the exact bytes (without the newline), where the {@code event} object
 * sits in them, and the metadata. {@code eventBytes} are what the checksum covers.
 */
public record EventLine(byte[] bytes, int eventStart, int eventEnd, long sequence, long streamPosition,
                        String timestamp, String prevEventHash, String checksum) {

    public int eventLength() {
        return eventEnd - eventStart;
    }

    public String eventJson() {
        return new String(bytes, eventStart, eventEnd - eventStart, StandardCharsets.UTF_8);
    }

    public String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}

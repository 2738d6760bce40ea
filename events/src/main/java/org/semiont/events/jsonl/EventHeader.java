package org.semiont.events.jsonl;

/** The top-level string fields of an event that queries filter on; any may be null. */
public record EventHeader(String type, String userId, String documentId, String id, String timestamp) {
}

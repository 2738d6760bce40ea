package org.semiont.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.semiont.events.jsonl.LogJson;

/**
 * An event to append: the caller's fields in the order they should be written (for Semiont:
 * {@code type, documentId?, userId, version, payload}); the log adds {@code id} and
 * {@code timestamp} last, as the original does. A null {@code id} gets a random UUID.
 * The fields node is copied, so later changes by the caller do not leak into the log.
 */
public record NewEvent(String id, ObjectNode fields) {
    public NewEvent {
        if (fields == null) {
            throw new EventsException(EventsError.INVALID_EVENT, "event fields are required");
        }
        JsonNode type = fields.get("type");
        if (type == null || !type.isTextual() || type.asText().isEmpty()) {
            throw new EventsException(EventsError.INVALID_EVENT,
                    "event needs a non-empty string 'type'; got fields " + fields.properties().size());
        }
        if (fields.has("id") || fields.has("timestamp")) {
            throw new EventsException(EventsError.INVALID_EVENT, "event '" + type.asText()
                    + "' must not set 'id' or 'timestamp' in its fields: pass the id to NewEvent, the log sets the time");
        }
        if (id != null && id.isEmpty()) {
            throw new EventsException(EventsError.INVALID_EVENT, "event id must not be empty (use null for a random one)");
        }
        // the line wraps the fields in one more object: what could not be read back is never appended
        int depth = LogJson.depth(fields) + 1;
        if (depth > LogJson.MAX_DEPTH) {
            throw new EventsException(EventsError.INVALID_EVENT, "event '" + type.asText() + "' is nested " + depth
                    + " levels deep; the log reads at most " + LogJson.MAX_DEPTH);
        }
        fields = fields.deepCopy();
    }

    /** A Semiont-shaped event: {@code type, documentId?, userId, version:1, payload}. */
    public static NewEvent of(String type, String documentId, String userId, ObjectNode payload) {
        ObjectNode f = JsonNodeFactory.instance.objectNode();
        f.put("type", type);
        if (documentId != null) {
            f.put("documentId", documentId);
        }
        f.put("userId", userId);
        f.put("version", 1);
        f.set("payload", payload == null ? JsonNodeFactory.instance.objectNode() : payload);
        return new NewEvent(null, f);
    }

    public NewEvent withId(String newId) {
        return new NewEvent(newId, fields);
    }

    public String type() {
        return fields.get("type").asText();
    }
}

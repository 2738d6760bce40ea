package org.semiont.server.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.semiont.events.NewEvent;

/** The events a document PATCH needs: only actual changes, in a stable order. */
final class DocumentChanges {
    private DocumentChanges() {
    }

    static List<NewEvent> events(String id, String userId, ObjectNode current, JsonNode archived, List<String> types) {
        List<NewEvent> out = new ArrayList<>();
        if (archived != null && archived.asBoolean() != current.path("archived").asBoolean()) {
            out.add(NewEvent.of(archived.asBoolean() ? DocumentEvents.ARCHIVED : DocumentEvents.UNARCHIVED, id, userId,
                    JsonNodeFactory.instance.objectNode()));
        }
        if (types != null) {
            List<String> now = new ArrayList<>();
            current.path("entityTypes").forEach(t -> now.add(t.asText()));
            for (String t : types) {
                if (!now.contains(t)) {
                    out.add(NewEvent.of(DocumentEvents.TAG_ADDED, id, userId, JsonNodeFactory.instance.objectNode().put("entityType", t)));
                }
            }
            for (String t : now) {
                if (!types.contains(t)) {
                    out.add(NewEvent.of(DocumentEvents.TAG_REMOVED, id, userId, JsonNodeFactory.instance.objectNode().put("entityType", t)));
                }
            }
        }
        return out;
    }
}

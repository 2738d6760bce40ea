package org.semiont.server.entitytype;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import org.semiont.events.StoredEvent;

/**
 * The rule that turns {@code entitytype.added} into an {@code entity_types} row, as a pure function used by the live
 * projection and the bulk rebuild: the first add of a name makes its row; later adds keep it.
 */
public final class EntityTypeFold {
    public static final String ADDED = "entitytype.added";

    private EntityTypeFold() {
    }

    /** The name an event is about, or null for other events. */
    public static String rowId(String type, JsonNode payload) {
        return ADDED.equals(type) ? payload.path("entityType").asText() : null;
    }

    /** The row after {@code e}; {@code row} is the row before (null: none). */
    public static EntityTypeRow apply(EntityTypeRow row, StoredEvent e, JsonNode payload, LocalDateTime at) {
        if (row != null || !ADDED.equals(e.type())) {
            return row;
        }
        return new EntityTypeRow(payload.path("entityType").asText(), at);
    }
}

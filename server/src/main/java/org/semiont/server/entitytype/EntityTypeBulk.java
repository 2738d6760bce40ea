package org.semiont.server.entitytype;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.semiont.events.StoredEvent;
import org.semiont.server.projection.BulkFolder;
import org.semiont.server.projection.BulkLoader;

/** The bulk rebuild of {@code entity_types}; its tail is the last add, which makes the projection rewrite its file. */
final class EntityTypeBulk implements BulkFolder {
    private final Map<String, EntityTypeRow> rows = new LinkedHashMap<>();
    private StoredEvent last;

    @Override
    public void apply(StoredEvent e, ObjectNode event, LocalDateTime at) {
        JsonNode p = event.path("payload");
        String name = EntityTypeFold.rowId(e.type(), p);
        if (name == null) {
            return;
        }
        EntityTypeRow after = EntityTypeFold.apply(rows.get(name), e, p, at);
        if (after != null) {
            rows.put(name, after);
        }
        last = e;
    }

    @Override
    public void load(Connection c) throws SQLException {
        BulkLoader.copy(c, "entity_types (name, created)", rows.values(), (t, o) -> o.text(t.name()).time(t.created()));
    }

    @Override
    public List<StoredEvent> tails() {
        return last == null ? List.of() : List.of(last);
    }
}

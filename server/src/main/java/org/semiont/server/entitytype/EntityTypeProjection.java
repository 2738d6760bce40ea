package org.semiont.server.entitytype;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.SQLException;
import org.semiont.events.StoredEvent;
import org.semiont.server.projection.Projection;
import org.semiont.server.projection.Sql;

/** Projects {@code entitytype.added} (system stream) into {@code entity_types}. */
public final class EntityTypeProjection implements Projection {
    public static final String ADDED = "entitytype.added";

    @Override
    public boolean handles(String type) {
        return ADDED.equals(type);
    }

    @Override
    public void apply(Connection c, StoredEvent e, ObjectNode event) throws SQLException {
        Sql.update(c, "INSERT INTO entity_types (name, created) VALUES (?, ?) ON CONFLICT (name) DO NOTHING",
                event.path("payload").path("entityType").asText(), Sql.utc(e.instant()));
    }

    @Override
    public void truncate(Connection c) throws SQLException {
        Sql.update(c, "DELETE FROM entity_types");
    }
}

package org.semiont.server.entitytype;

import java.sql.Connection;
import org.semiont.server.error.DomainException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.semiont.events.ExpectedVersion;
import org.semiont.events.NewEvent;
import org.semiont.events.StreamIds;
import org.semiont.server.write.EventWriter;

/** Entity types: read from {@code entity_types}, added through {@code entitytype.added} on the system stream. */
public final class EntityTypeService {
    public static final List<String> DEFAULTS = List.of("Person", "Organization", "Location", "Event", "Concept",
            "Product", "Technology", "Date", "Author");
    public static final String BOOTSTRAP_USER = "00000000-0000-0000-0000-000000000000";
    private final DataSource pool;
    private final EventWriter writer;

    public EntityTypeService(DataSource pool, EventWriter writer) {
        this.pool = pool;
        this.writer = writer;
    }

    public List<String> list() {
        try (Connection c = pool.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT name FROM entity_types ORDER BY name");
             ResultSet rs = ps.executeQuery()) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read entity_types: " + e.getMessage(), e);
        }
    }

    /** Adds the tags not present yet (one event each); returns the sorted list afterwards. */
    public synchronized List<String> add(List<String> tags, String userId) {
        for (String t : tags) {
            validate(t);
        }
        List<String> existing = list();
        List<NewEvent> events = new ArrayList<>();
        for (String t : new java.util.LinkedHashSet<>(tags)) {
            if (!existing.contains(t)) {
                events.add(NewEvent.of(EntityTypeProjection.ADDED, null, userId,
                        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("entityType", t)));
            }
        }
        if (!events.isEmpty()) {
            writer.write(StreamIds.SYSTEM, ExpectedVersion.any(), events);
        }
        return list();
    }

    /** On a fresh system stream: the original's nine default entity types. */
    public void bootstrapIfEmpty() {
        if (writer.log().count(StreamIds.SYSTEM) == 0) {
            add(DEFAULTS, BOOTSTRAP_USER);
        }
    }

    private static void validate(String tag) {
        EntityTypeNames.problem(tag).ifPresent(p -> {
            throw DomainException.invalid("VALIDATION_FAILED", Character.toUpperCase(p.charAt(0)) + p.substring(1));
        });
    }
}

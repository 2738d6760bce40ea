package org.semiont.server.entitytype;

import java.time.LocalDateTime;

/** A row of {@code entity_types}. */
public record EntityTypeRow(String name, LocalDateTime created) {
}

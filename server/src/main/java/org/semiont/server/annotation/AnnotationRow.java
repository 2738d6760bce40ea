package org.semiont.server.annotation;

import java.time.LocalDateTime;
import java.util.List;

/**
 * A row of {@code annotations} as the projection rules make it: the extracted columns, and the JSON columns as text
 * ({@code data} is the served annotation, stored as written).
 */
public record AnnotationRow(String id, String documentId, String targetSource, String motivation, String creatorId,
                            String target, String body, String data, List<String> linkedDocuments, List<String> entityTags,
                            long position, LocalDateTime created, LocalDateTime modified) {
    public AnnotationRow {
        linkedDocuments = List.copyOf(linkedDocuments);
        entityTags = List.copyOf(entityTags);
    }
}

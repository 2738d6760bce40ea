package org.semiont.server.document;

import java.time.LocalDateTime;
import java.util.List;

/** A row of {@code documents} as the projection rules make it (times in UTC, as stored). */
public record DocumentRow(String id, String name, String format, String contentChecksum, List<String> entityTypes,
                          boolean archived, String creationMethod, String creatorId, String language, boolean isDraft,
                          String sourceAnnotationId, String sourceDocumentId, long version, LocalDateTime created,
                          LocalDateTime updatedAt) {
    public DocumentRow {
        entityTypes = List.copyOf(entityTypes);
    }

    DocumentRow withEntityTypes(List<String> types) {
        return new DocumentRow(id, name, format, contentChecksum, types, archived, creationMethod, creatorId, language, isDraft,
                sourceAnnotationId, sourceDocumentId, version, created, updatedAt);
    }

    DocumentRow withArchived(boolean value) {
        return new DocumentRow(id, name, format, contentChecksum, entityTypes, value, creationMethod, creatorId, language, isDraft,
                sourceAnnotationId, sourceDocumentId, version, created, updatedAt);
    }

    DocumentRow touched(long sequence, LocalDateTime at) {
        return new DocumentRow(id, name, format, contentChecksum, entityTypes, archived, creationMethod, creatorId, language, isDraft,
                sourceAnnotationId, sourceDocumentId, Math.max(version, sequence), created, at);
    }
}

package org.semiont.server.projection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.semiont.events.StoredEvent;
import org.semiont.server.document.DocumentEvents;
import org.semiont.server.entitytype.EntityTypeProjection;
import org.semiont.server.user.UserEvents;

/**
 * Folds the global log, in position order, into the final rows of {@code users}, {@code documents},
 * {@code annotations} and {@code entity_types}: in memory, but for annotations, which {@link AnnotationFold}
 * streams into the table in a bounded window. Each rule mirrors the SQL of the incremental
 * projection for that event (first write wins, no-op on a missing row), so a bulk load of these rows equals
 * an event-by-event replay; {@code BulkRebuildIT} compares the two row by row.
 */
final class BulkFold {
    final Map<String, UserRow> users = new LinkedHashMap<>();
    final Map<String, DocumentRow> documents = new LinkedHashMap<>();
    final Map<String, LocalDateTime> entityTypes = new LinkedHashMap<>();
    /** Password hashes by user id, with the time each was set. */
    final Map<String, Credential> credentials = new LinkedHashMap<>();
    /** The last {@code entitytype.added} event: replayed after the load so the projection rewrites its file. */
    StoredEvent lastEntityType;
    private final Set<String> emails = new HashSet<>();
    private final Set<String> providerKeys = new HashSet<>();
    final AnnotationFold annotations;

    /**
     * {@code annotations} gets the users' display names from this fold ({@link #displayName}); {@code events}, the
     * log's size, bounds the number of annotations.
     */
    BulkFold(AnnotationSink sink, ObjectMapper json, int annotationWindow, long events) {
        this.annotations = new AnnotationFold(json, this::displayName, sink, annotationWindow, events);
    }

    static final class UserRow {
        String id, email, name, image, domain, provider, providerId;
        boolean isActive, isAdmin, isModerator;
        LocalDateTime termsAcceptedAt, lastLogin, createdAt, updatedAt;
        StoredEvent last;
    }

    record Credential(String userId, String passwordHash, LocalDateTime updatedAt) {
    }

    static final class DocumentRow {
        String id, name, format, contentChecksum, creationMethod, creatorId, language, sourceAnnotationId, sourceDocumentId;
        List<String> entityTypes;
        boolean archived, isDraft;
        long version;
        LocalDateTime created, updatedAt;
        StoredEvent last;
    }


    /** Applies one event; {@code event} is {@code e.event()} and {@code at} its time, parsed by the caller. */
    void apply(StoredEvent e, ObjectNode event, LocalDateTime at) throws SQLException {
        String type = e.type();
        JsonNode p = event.path("payload");
        if (type.startsWith("user.")) {
            user(e, p, at);
        } else if (type.startsWith("document.") || type.startsWith("entitytag.")) {
            document(e, p, at);
        } else if (type.startsWith("annotation.")) {
            annotations.apply(e, p, at);
            markLast(e);
        } else if (EntityTypeProjection.ADDED.equals(type)) {
            entityTypes.putIfAbsent(p.path("entityType").asText(), at);
            lastEntityType = e;
        }
    }

    private void user(StoredEvent e, JsonNode p, LocalDateTime at) {
        String id = p.path("userId").asText();
        if (UserEvents.CREATED.equals(e.type())) {
            createUser(id, p, at);
        }
        UserRow u = users.get(id);
        if (u == null) {
            return;
        }
        switch (e.type()) {
            case UserEvents.UPDATED -> updateUser(u, p.path("changes"), at);
            case UserEvents.LOGGED_IN -> {
                u.lastLogin = at;
                u.updatedAt = at;
            }
            case UserEvents.TERMS_ACCEPTED -> {
                u.termsAcceptedAt = at;
                u.updatedAt = at;
            }
            case UserEvents.PASSWORD_SET -> credentials.put(id, new Credential(id, p.path("passwordHash").asText(), at));
            case UserEvents.DELETED -> {
                users.remove(id);
                credentials.remove(id);
                emails.remove(u.email);
                providerKeys.remove(providerKey(u.provider, u.providerId));
                return;
            }
            default -> {
            }
        }
        u.last = e;
    }

    /** {@code ON CONFLICT DO NOTHING} without a target: any of the three unique keys blocks the insert. */
    private void createUser(String id, JsonNode p, LocalDateTime at) {
        UserRow u = new UserRow();
        u.id = id;
        u.email = p.path("email").asText();
        u.name = text(p, "name");
        u.image = text(p, "image");
        u.domain = p.path("domain").asText();
        u.provider = p.path("provider").asText("local");
        u.providerId = text(p, "providerId");
        String key = providerKey(u.provider, u.providerId);
        if (users.containsKey(id) || emails.contains(u.email) || (key != null && providerKeys.contains(key))) {
            return;
        }
        u.isActive = p.path("isActive").asBoolean(true);
        u.isAdmin = p.path("isAdmin").asBoolean(false);
        u.isModerator = p.path("isModerator").asBoolean(false);
        u.createdAt = at;
        u.updatedAt = at;
        users.put(id, u);
        emails.add(u.email);
        if (key != null) {
            providerKeys.add(key);
        }
    }

    private static String providerKey(String provider, String providerId) {
        return providerId == null ? null : provider + '\u0000' + providerId;
    }

    private static void updateUser(UserRow u, JsonNode changes, LocalDateTime at) {
        if (changes.has("isActive")) {
            u.isActive = changes.get("isActive").asBoolean();
            u.updatedAt = at;
        }
        if (changes.has("isAdmin")) {
            u.isAdmin = changes.get("isAdmin").asBoolean();
            u.updatedAt = at;
        }
        if (changes.has("isModerator")) {
            u.isModerator = changes.get("isModerator").asBoolean();
            u.updatedAt = at;
        }
        if (changes.has("name")) {
            u.name = text(changes, "name");
            u.updatedAt = at;
        }
    }

    private void document(StoredEvent e, JsonNode p, LocalDateTime at) {
        String id = e.documentId();
        if (id == null) {
            return;
        }
        String type = e.type();
        if (DocumentEvents.CREATED.equals(type) || DocumentEvents.CLONED.equals(type)) {
            documents.computeIfAbsent(id, k -> newDocument(k, e, p, at));
        }
        DocumentRow d = documents.get(id);
        if (d != null) {
            String tag = p.path("entityType").asText();
            switch (type) {
                case DocumentEvents.ARCHIVED -> d.archived = true;
                case DocumentEvents.UNARCHIVED -> d.archived = false;
                case DocumentEvents.TAG_ADDED -> {
                    if (!d.entityTypes.contains(tag)) {
                        d.entityTypes.add(tag);
                    }
                }
                case DocumentEvents.TAG_REMOVED -> d.entityTypes.removeIf(tag::equals);
                default -> {
                }
            }
        }
        touch(e, at);
    }

    private static DocumentRow newDocument(String id, StoredEvent e, JsonNode p, LocalDateTime at) {
        DocumentRow d = new DocumentRow();
        d.id = id;
        d.name = p.path("name").asText();
        d.format = p.path("format").asText();
        d.contentChecksum = p.path("contentChecksum").asText();
        d.entityTypes = new ArrayList<>();
        p.path("entityTypes").forEach(t -> d.entityTypes.add(t.asText()));
        d.creationMethod = p.path("creationMethod").asText("api");
        d.creatorId = e.userId();
        d.language = text(p, "language");
        d.isDraft = p.path("isDraft").asBoolean(false);
        d.sourceAnnotationId = text(p, "sourceAnnotationId");
        d.sourceDocumentId = text(p, p.has("parentDocumentId") ? "parentDocumentId" : "sourceDocumentId");
        d.version = e.sequence();
        d.created = at;
        return d;
    }

    /** A document-level event bumps the row's version ({@code GREATEST}) and {@code updatedAt}, as the projection does. */
    private void touch(StoredEvent e, LocalDateTime at) {
        DocumentRow d = e.documentId() == null ? null : documents.get(e.documentId());
        if (d != null) {
            d.version = Math.max(d.version, e.sequence());
            d.updatedAt = at;
            d.last = e;
        }
    }

    /** Annotation events leave the row alone; they only make the document's file due for a rewrite. */
    private void markLast(StoredEvent e) {
        DocumentRow d = e.documentId() == null ? null : documents.get(e.documentId());
        if (d != null) {
            d.last = e;
        }
    }

    /** What the live projection reads from {@code users} at that point of the log. */
    private String displayName(String userId) {
        UserRow u = users.get(userId);
        return u == null ? userId : org.semiont.server.user.UserRecord.displayName(u.name, u.email);
    }

    private static String text(JsonNode p, String field) {
        JsonNode n = p.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }
}

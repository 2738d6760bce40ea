package org.semiont.studio.edit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Supplier;
import org.semiont.server.api.DomainServices;
import org.semiont.server.error.DomainException;
import org.semiont.server.user.Actor;
import org.semiont.studio.StudioError;
import org.semiont.studio.StudioException;
import org.semiont.studio.auth.StudioSession;
import org.semiont.studio.browse.RowData;

/**
 * Edits of event-sourced rows, made through the same domain services as the API, so each becomes the event an API
 * call would append (and the row changes when the projector applies it). The form's version is compared with the row
 * first: a row changed meanwhile is a conflict.
 */
public final class DomainEditor {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final DomainServices domain;

    public DomainEditor(DomainServices domain) {
        this.domain = domain;
    }

    /** Replaces an annotation's body with {@code bodyJson} (an array of body items, an item, or empty for none). */
    public EditResult annotationBody(RowData row, String version, String bodyJson, StudioSession who) {
        requireVersion(row, version);
        JsonNode wanted = parse(bodyJson);
        ArrayNode before = bodyItems(parse(row.get("body")));
        ArrayNode after = bodyItems(wanted);
        ArrayNode ops = JsonNodeFactory.instance.arrayNode();
        before.forEach(item -> {
            if (!contains(after, item)) {
                ops.addObject().put("op", "remove").set("item", item);
            }
        });
        after.forEach(item -> {
            if (!contains(before, item)) {
                ops.addObject().put("op", "add").set("item", item);
            }
        });
        String id = row.get("id");
        if (ops.isEmpty()) {
            return new EditResult("The body is unchanged: no event appended", List.of(id), List.of());
        }
        call(() -> domain.annotations().updateBody(id, ops, actor(who)));
        Audit.edited(who, "annotation body", "annotations", List.of(id), List.of("body"));
        return new EditResult("Appended annotation.body.updated for annotation " + id + " (" + ops.size() + " operations)",
                List.of(id), List.of());
    }

    public EditResult deleteAnnotation(RowData row, String version, StudioSession who) {
        requireVersion(row, version);
        String id = row.get("id");
        call(() -> {
            domain.annotations().delete(id, actor(who));
            return null;
        });
        Audit.edited(who, "annotation delete", "annotations", List.of(id), List.of());
        return new EditResult("Appended the removal of annotation " + id, null, List.of());
    }

    /** Archives or restores a document and sets its entity types (comma-separated). */
    public EditResult patchDocument(RowData row, String version, boolean archived, String entityTypes, StudioSession who) {
        requireVersion(row, version);
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("archived", archived);
        ArrayNode types = body.putArray("entityTypes");
        for (String t : entityTypes.split(",")) {
            if (!t.isBlank()) {
                types.add(t.trim());
            }
        }
        String id = row.get("id");
        call(() -> domain.documents().patch(id, body, actor(who)));
        Audit.edited(who, "document patch", "documents", List.of(id), List.of("archived", "entityTypes"));
        return new EditResult("Document " + id + " changed through the domain", List.of(id), List.of());
    }

    public EditResult patchUser(RowData row, String version, boolean admin, boolean moderator, boolean active, StudioSession who) {
        requireVersion(row, version);
        ObjectNode changes = JsonNodeFactory.instance.objectNode().put("isAdmin", admin).put("isModerator", moderator)
                .put("isActive", active);
        String id = row.get("id");
        call(() -> domain.users().update(id, changes, who.userId()));
        Audit.edited(who, "user patch", "users", List.of(id), List.of("isAdmin", "isModerator", "isActive"));
        return new EditResult("User " + id + " changed through the domain", List.of(id), List.of());
    }

    private static void requireVersion(RowData row, String version) {
        if (!RowVersion.of(row).equals(version)) {
            throw new StudioException(StudioError.EDIT_CONFLICT, "This " + row.model() + " row changed since you opened it; "
                    + "nothing was written. Open it again to see the current values, then redo your edit");
        }
    }

    private static Actor actor(StudioSession who) {
        return new Actor(who.userId(), who.admin(), false);
    }

    private static <T> T call(Supplier<T> work) {
        try {
            return work.get();
        } catch (DomainException e) {
            StudioError code = e.kind() == DomainException.Kind.STALE ? StudioError.EDIT_CONFLICT
                    : StudioError.DOMAIN_REFUSED;
            throw new StudioException(code, e.getMessage(), e);
        }
    }

    private static JsonNode parse(String json) {
        if (json == null || json.isBlank()) {
            return JsonNodeFactory.instance.arrayNode();
        }
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new StudioException(StudioError.INVALID_REQUEST, "The body is not valid JSON: " + e.getMessage());
        }
    }

    private static ArrayNode bodyItems(JsonNode body) {
        if (body == null || body.isNull() || body.isMissingNode()) {
            return JsonNodeFactory.instance.arrayNode();
        }
        if (body.isArray()) {
            return (ArrayNode) body;
        }
        return JsonNodeFactory.instance.arrayNode().add(body);
    }

    private static boolean contains(ArrayNode items, JsonNode item) {
        for (JsonNode i : items) {
            if (i.equals(item)) {
                return true;
            }
        }
        return false;
    }
}

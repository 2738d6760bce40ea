package org.semiont.server.annotation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Supplier;
import org.semiont.events.ExpectedVersion;
import org.semiont.events.NewEvent;
import org.semiont.server.document.DocumentLocks;
import org.semiont.server.document.DocumentRepository;
import org.semiont.server.http.ApiError;
import org.semiont.server.http.ApiException;
import org.semiont.server.projection.EventWriter;

/** Annotation commands: validate, append to the target document's stream, return the projected result. */
public final class AnnotationService {
    private final EventWriter writer;
    private final AnnotationRepository annotations;
    private final DocumentRepository documents;
    private final DocumentLocks locks;
    private final Supplier<String> ids;
    private final String baseUrl;

    public AnnotationService(EventWriter writer, AnnotationRepository annotations, DocumentRepository documents,
                             DocumentLocks locks, Supplier<String> ids, String baseUrl) {
        this.writer = writer;
        this.annotations = annotations;
        this.documents = documents;
        this.locks = locks;
        this.ids = ids;
        this.baseUrl = baseUrl;
    }

    public String iri(String shortId) {
        return baseUrl + "/annotations/" + shortId;
    }

    /** Creates an annotation on an existing document; returns its stored JSON (what a GET returns). */
    public AnnotationRepository.Stored create(JsonNode request, String userId) {
        requireValid(AnnotationValidator.validate(request));
        String documentId = AnnotationShapes.targetSource(request.get("target"));
        if (!documents.exists(documentId)) {
            throw new ApiException(ApiError.NOT_FOUND, "Target document " + documentId + " does not exist; "
                    + "create it with POST /api/documents first");
        }
        String id = ids.get();
        ObjectNode a = JsonNodeFactory.instance.objectNode();
        a.put("@context", AnnotationShapes.CONTEXT).put("type", "Annotation").put("id", iri(id));
        a.set("motivation", request.get("motivation"));
        a.set("target", request.get("target"));
        a.set("body", AnnotationShapes.bodyArray(request.get("body")));
        if (request.has("generator")) {
            a.set("generator", request.get("generator"));
        }
        ObjectNode payload = JsonNodeFactory.instance.objectNode().set("annotation", a);
        writer.write(documentId, ExpectedVersion.any(), NewEvent.of(AnnotationEvents.ADDED, documentId, userId, payload));
        return annotations.get(id).orElseThrow();
    }

    public AnnotationRepository.Stored get(String id) {
        String shortId = AnnotationShapes.shortId(id);
        return annotations.get(shortId).orElseThrow(() -> new ApiException(ApiError.NOT_FOUND, "Annotation " + shortId
                + " not found"));
    }

    public AnnotationRepository.Stored updateBody(String id, JsonNode operations, String userId) {
        requireValid(AnnotationValidator.validateOperations(operations));
        AnnotationRepository.Stored current = get(id);
        return locks.with(lockKey(current), () -> {
            AnnotationRepository.Stored fresh = get(id);
            ObjectNode payload = JsonNodeFactory.instance.objectNode().put("annotationId", iri(fresh.id()));
            payload.set("operations", operations);
            writer.write(fresh.documentId(), ExpectedVersion.any(), NewEvent.of(AnnotationEvents.BODY_UPDATED,
                    fresh.documentId(), userId, payload));
            return get(fresh.id());
        });
    }

    public void delete(String id, String userId) {
        AnnotationRepository.Stored current = get(id);
        locks.with(lockKey(current), () -> {
            AnnotationRepository.Stored fresh = get(id);
            ObjectNode payload = JsonNodeFactory.instance.objectNode().put("annotationId", iri(fresh.id()));
            writer.write(fresh.documentId(), ExpectedVersion.any(), NewEvent.of(AnnotationEvents.REMOVED,
                    fresh.documentId(), userId, payload));
            return null;
        });
    }

    private static String lockKey(AnnotationRepository.Stored a) {
        return a.documentId() == null ? a.id() : a.documentId();
    }

    static void requireValid(List<String> problems) {
        if (!problems.isEmpty()) {
            throw new ApiException(ApiError.VALIDATION_FAILED, "Invalid annotation: " + String.join("; ", problems), problems);
        }
    }
}

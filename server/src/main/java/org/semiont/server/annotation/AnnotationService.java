package org.semiont.server.annotation;

import com.fasterxml.jackson.databind.JsonNode;
import org.semiont.server.error.DomainException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.semiont.events.ExpectedVersion;
import org.semiont.events.NewEvent;
import org.semiont.server.util.Json;
import org.semiont.server.document.DocumentLocks;
import org.semiont.server.document.DocumentRepository;
import org.semiont.server.logging.LogTimestamps;
import org.semiont.server.write.EventWriter;
import org.semiont.server.user.Actor;
import org.semiont.server.user.EditPolicy;

/** Annotation commands: validate, append to the target document's stream, return the projected result. */
public final class AnnotationService {
    private static final ObjectMapper JSON = Json.mapper();
    private static final java.util.regex.Pattern SLUG = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private final EventWriter writer;
    private final AnnotationRepository annotations;
    private final DocumentRepository documents;
    private final DocumentLocks locks;
    private final Supplier<String> ids;
    private final String baseUrl;
    private final Clock clock;
    private final EditPolicy policy;

    public AnnotationService(EventWriter writer, AnnotationRepository annotations, DocumentRepository documents,
                             DocumentLocks locks, Supplier<String> ids, String baseUrl, EditPolicy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
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
            throw DomainException.notFound("Target document " + documentId + " does not exist; "
                    + "create it with POST /api/documents first");
        }
        String id = ids.get();
        add(withVia(request), id, documentId, userId);
        return annotations.justCreated(id).orElseThrow();
    }

    private void add(JsonNode request, String id, String documentId, String userId) {
        ObjectNode payload = JsonNodeFactory.instance.objectNode().set("annotation", annotation(request, id));
        writer.write(documentId == null ? AnnotationEvents.NON_DOCUMENT_STREAM : documentId, ExpectedVersion.any(),
                NewEvent.of(AnnotationEvents.ADDED, documentId, userId, payload));
    }

    /**
     * The event's annotation: what the client sent, in the shape it sent it (an object body stays an object, an array
     * an array, nothing is filled in; a null body is no body), with its IRI and, as the original's events do, its {@code modified} time.
     */
    private ObjectNode annotation(JsonNode request, String id) {
        ObjectNode a = JsonNodeFactory.instance.objectNode();
        a.put("@context", AnnotationShapes.CONTEXT).put("type", "Annotation").put("id", iri(id));
        if (request.has("motivation")) {
            a.set("motivation", request.get("motivation"));
        }
        a.set("target", request.get("target"));
        if (request.hasNonNull("body")) {
            a.set("body", request.get("body"));
        }
        for (String extra : List.of("generator", "label", "audience", "rights", "canonical", "via", "stylesheet")) {
            if (request.has(extra)) {
                a.set(extra, request.get(extra));
            }
        }
        return a.put("modified", LogTimestamps.format(clock.instant()));
    }

    /**
     * A created annotation gets a new IRI; the {@code id} it came with is kept as {@code via} (W3C protocol 5.1),
     * unless it brings a {@code via} of its own.
     */
    private static JsonNode withVia(JsonNode request) {
        JsonNode incoming = request.get("id");
        if (incoming == null || !incoming.isTextual() || incoming.asText().isBlank() || request.has("via")) {
            return request;
        }
        return ((ObjectNode) request.deepCopy()).put("via", incoming.asText());
    }

    /**
     * W3C protocol POST: any target IRI; annotations on one of our documents go on its stream (and show in its
     * annotations), others on the non-document stream. A usable {@code slug} becomes the id.
     */
    public AnnotationRepository.Stored createInContainer(JsonNode request, String userId, String slug) {
        requireValid(AnnotationValidator.validate(request, false));
        String source = AnnotationShapes.targetSource(request.get("target"));
        String documentId = documents.exists(source) ? source : null;
        boolean slugged = slug != null && SLUG.matcher(slug).matches() && !annotations.exists(slug);
        String id = slugged ? slug : ids.get();
        add(withVia(request), id, documentId, userId);
        return (slugged ? annotations.get(id) : annotations.justCreated(id)).orElseThrow();
    }

    /** W3C protocol PUT: replaces target, body and motivation; id, creator and created stay. */
    public AnnotationRepository.Stored replace(String id, JsonNode request, Actor actor, java.util.function.Predicate<String> ifMatch) {
        String userId = actor.userId();
        AnnotationRepository.Stored current = get(id);
        requireAllowed(current, actor);
        // a stale ETag is 412 whatever the content (RFC 9110 13.2.1: preconditions come before the content)
        requireUnchanged(current, ifMatch);
        requireValid(AnnotationValidator.validate(request, false));
        return locks.with(lockKey(current), () -> {
            AnnotationRepository.Stored fresh = get(id);
            requireUnchanged(fresh, ifMatch);
            ObjectNode payload = JsonNodeFactory.instance.objectNode().set("annotation",
                    annotation(keepingIdentity(fresh, request), fresh.id()));
            writer.write(stream(fresh), ExpectedVersion.any(), NewEvent.of(AnnotationEvents.UPDATED, fresh.documentId(), userId, payload));
            return get(fresh.id());
        });
    }

    /**
     * A PUT replaces an annotation's content, not what it is: its {@code id} stays (W3C protocol 5.3: 400 if the
     * body names another), {@code canonical} and {@code via} once set stay (kept when the body leaves them out), and
     * it stays on its document's stream, so a target on another document (or none) is refused rather than leaving the
     * annotation listed under a document it no longer targets.
     */
    private JsonNode keepingIdentity(AnnotationRepository.Stored current, JsonNode request) {
        List<String> problems = new ArrayList<>();
        JsonNode id = request.get("id");
        if (id != null && !(id.isTextual() && (id.asText().equals(iri(current.id())) || id.asText().equals(current.id())))) {
            problems.add("id cannot change: this annotation is " + iri(current.id()) + " (leave id out, or send that IRI)");
        }
        ObjectNode stored = (ObjectNode) readStored(current);
        ObjectNode kept = request.deepCopy();
        for (String fixed : List.of("canonical", "via")) {
            JsonNode was = stored.get(fixed);
            if (was == null) {
                continue;
            }
            if (!kept.has(fixed)) {
                kept.set(fixed, was);
            } else if (!kept.get(fixed).equals(was)) {
                problems.add(fixed + " cannot change once set: it is " + was);
            }
        }
        String source = AnnotationShapes.targetSource(request.get("target"));
        String home = documents.exists(source) ? source : null;
        if (!java.util.Objects.equals(home, current.documentId())) {
            problems.add("the target cannot move " + (current.documentId() == null ? "onto document " + home
                    : "off document " + current.documentId()) + "; DELETE this annotation and POST a new one");
        }
        requireValid(problems);
        return kept;
    }

    private static JsonNode readStored(AnnotationRepository.Stored a) {
        try {
            return JSON.readTree(a.json());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("annotation " + a.id() + " is stored as invalid JSON", e);
        }
    }

    /** Delete guarded by a precondition on the current representation (W3C protocol If-Match). */
    public void delete(String id, Actor actor, java.util.function.Predicate<String> ifMatch) {
        String userId = actor.userId();
        AnnotationRepository.Stored current = get(id);
        requireAllowed(current, actor);
        locks.with(lockKey(current), () -> {
            AnnotationRepository.Stored fresh = get(id);
            requireUnchanged(fresh, ifMatch);
            ObjectNode payload = JsonNodeFactory.instance.objectNode().put("annotationId", iri(fresh.id()));
            writer.write(stream(fresh), ExpectedVersion.any(), NewEvent.of(AnnotationEvents.REMOVED, fresh.documentId(), userId, payload));
            return null;
        });
    }

    private static void requireUnchanged(AnnotationRepository.Stored a, java.util.function.Predicate<String> ifMatch) {
        if (!ifMatch.test(a.json())) {
            throw DomainException.stale("Annotation " + a.id() + " changed since the ETag you sent "
                    + "(If-Match); GET it again and retry");
        }
    }

    public AnnotationRepository.Stored get(String id) {
        String shortId = AnnotationShapes.shortId(id);
        return annotations.get(shortId).orElseThrow(() -> DomainException.notFound("Annotation " + shortId
                + " not found"));
    }

    public AnnotationRepository.Stored updateBody(String id, JsonNode operations, Actor actor) {
        String userId = actor.userId();
        requireValid(AnnotationValidator.validateOperations(operations));
        AnnotationRepository.Stored current = get(id);
        requireAllowed(current, actor);
        return locks.with(lockKey(current), () -> {
            AnnotationRepository.Stored fresh = get(id);
            JsonNode body = readStored(fresh).get("body");
            if (AnnotationShapes.applyOperations(body, operations).equals(AnnotationShapes.bodyArray(body))) {
                // adds of items already there, removes of items already gone: the body is as asked, and a retried
                // request leaves no second event and no new `modified`
                return fresh;
            }
            ObjectNode payload = JsonNodeFactory.instance.objectNode().put("annotationId", iri(fresh.id()));
            payload.set("operations", operations);
            writer.write(stream(fresh), ExpectedVersion.any(), NewEvent.of(AnnotationEvents.BODY_UPDATED,
                    fresh.documentId(), userId, payload));
            return get(fresh.id());
        });
    }

    public void delete(String id, Actor actor) {
        delete(id, actor, json -> true);
    }

    /** Changes and deletions are the creator's, a moderator's or an admin's (unless the policy lets everyone). */
    private void requireAllowed(AnnotationRepository.Stored a, Actor actor) {
        String creator = readStored(a).path("creator").path("id").asText(null);
        if (!policy.mayChange(actor, creator)) {
            throw DomainException.denied("Only the annotation's creator, a moderator or an admin may change or "
                    + "delete annotation " + a.id());
        }
    }

    private static String lockKey(AnnotationRepository.Stored a) {
        return stream(a);
    }

    private static String stream(AnnotationRepository.Stored a) {
        return a.documentId() == null ? AnnotationEvents.NON_DOCUMENT_STREAM : a.documentId();
    }

    static void requireValid(List<String> problems) {
        if (!problems.isEmpty()) {
            throw DomainException.invalid("VALIDATION_FAILED", "Invalid annotation: " + String.join("; ", problems), problems);
        }
    }
}

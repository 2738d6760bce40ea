package org.semiont.server.document;

import com.fasterxml.jackson.databind.JsonNode;
import org.semiont.server.error.DomainException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.semiont.events.ExpectedVersion;
import org.semiont.events.NewEvent;
import org.semiont.events.WrongExpectedVersionException;
import org.semiont.server.entitytype.EntityTypeNames;
import org.semiont.server.write.EventWriter;
import org.semiont.server.web.Requests;
import org.semiont.server.user.Actor;
import org.semiont.server.user.EditPolicy;

/** Document commands: content first (content-addressed), then events, then the projected document. */
public final class DocumentService {
    static final List<String> PATCHABLE = List.of("archived", "entityTypes");
    public static final Set<String> FORMATS = Set.of("text/plain", "text/markdown");
    public static final Set<String> CREATION_METHODS = Set.of("api", "upload", "ui", "reference", "clone", "generated");
    static final int MAX_NAME = 500;
    private final EventWriter writer;
    private final DocumentRepository documents;
    private final ContentStore content;
    private final DocumentLocks locks;
    private final EditPolicy policy;

    public DocumentService(EventWriter writer, DocumentRepository documents, ContentStore content, DocumentLocks locks,
                           EditPolicy policy) {
        this.policy = policy;
        this.writer = writer;
        this.documents = documents;
        this.content = content;
        this.locks = locks;
    }

    /** A validated create request. */
    public record NewDocument(String name, byte[] content, String format, List<String> entityTypes, String language,
                              String creationMethod, String sourceAnnotationId, String sourceDocumentId) {
    }

    public ObjectNode create(NewDocument d, String userId) {
        String id = content.put(d.content());
        ObjectNode p = JsonNodeFactory.instance.objectNode();
        p.put("name", d.name()).put("format", d.format()).put("contentChecksum", id.substring(DocumentIds.PREFIX.length()))
                .put("creationMethod", d.creationMethod());
        d.entityTypes().forEach(p.putArray("entityTypes")::add);
        if (d.language() != null) {
            p.put("language", d.language());
        }
        p.put("isDraft", false);
        if (d.sourceAnnotationId() != null) {
            p.put("sourceAnnotationId", d.sourceAnnotationId());
        }
        if (d.sourceDocumentId() != null) {
            p.put("sourceDocumentId", d.sourceDocumentId());
        }
        try {
            writer.write(id, ExpectedVersion.noStream(), NewEvent.of(DocumentEvents.CREATED, id, userId, p));
        } catch (WrongExpectedVersionException e) {
            throw DomainException.conflict("A document with the same content already exists: " + id
                    + " (ids are content addresses); GET /api/documents/" + id, JsonNodeFactory.instance.objectNode().put("id", id));
        }
        return documents.get(id).orElseThrow();
    }

    /** Validates a JSON create request, collecting every problem. */
    public static NewDocument parse(JsonNode body, String defaultMethod) {
        List<String> problems = new ArrayList<>();
        String name = body.path("name").isTextual() ? body.get("name").asText() : null;
        if (name == null || name.isBlank() || name.length() > MAX_NAME) {
            problems.add("name must be a string of 1.." + MAX_NAME + " characters");
        }
        if (!body.path("content").isTextual()) {
            problems.add("content must be a string (the document text)");
        }
        String format = body.path("format").asText("text/plain");
        if (!FORMATS.contains(format)) {
            problems.add("format must be one of " + FORMATS + ", got \"" + format + "\"");
        }
        List<String> types = stringList(body.get("entityTypes"), "entityTypes", problems);
        String method = body.path("creationMethod").asText(defaultMethod);
        if (!CREATION_METHODS.contains(method)) {
            problems.add("creationMethod must be one of " + CREATION_METHODS + ", got \"" + method + "\"");
        }
        String language = optionalString(body, "language", 35, problems);
        String srcAnn = optionalString(body, "sourceAnnotationId", 2048, problems);
        String srcDoc = optionalString(body, "sourceDocumentId", 2048, problems);
        if (!problems.isEmpty()) {
            throw DomainException.invalid("VALIDATION_FAILED", "Invalid document: " + String.join("; ", problems), problems);
        }
        return new NewDocument(name, body.get("content").asText().getBytes(StandardCharsets.UTF_8), format, types, language,
                method, srcAnn, srcDoc);
    }

    static List<String> stringList(JsonNode n, String field, List<String> problems) {
        List<String> out = new ArrayList<>();
        if (n == null || n.isNull()) {
            return out;
        }
        if (!n.isArray() || n.size() > 100) {
            problems.add(field + " must be an array of at most 100 strings");
            return out;
        }
        for (JsonNode t : n) {
            if (!t.isTextual()) {
                problems.add(field + " items must be strings of 1..100 characters, got " + t);
                continue;
            }
            java.util.Optional<String> problem = EntityTypeNames.problem(t.asText());
            if (problem.isPresent()) {
                problems.add(field + ": " + problem.get());
            } else {
                out.add(t.asText());
            }
        }
        return new ArrayList<>(new LinkedHashSet<>(out));
    }

    private static String optionalString(JsonNode body, String field, int max, List<String> problems) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual() || n.asText().isEmpty() || n.asText().length() > max) {
            problems.add(field + " must be a string of 1.." + max + " characters");
            return null;
        }
        return n.asText();
    }

    /** {archived?, entityTypes?}: one event per actual change, appended together. */
    public ObjectNode patch(String id, JsonNode body, Actor actor) {
        String userId = actor.userId();
        Requests.requireOnly(body, PATCHABLE, "A document's PATCH");
        List<String> problems = new ArrayList<>();
        JsonNode archived = body.get("archived");
        if (archived != null && !archived.isBoolean()) {
            problems.add("archived must be true or false");
        }
        List<String> types = body.has("entityTypes") ? stringList(body.get("entityTypes"), "entityTypes", problems) : null;
        if (!problems.isEmpty()) {
            throw DomainException.invalid("VALIDATION_FAILED", "Invalid document change: " + String.join("; ", problems), problems);
        }
        return locks.with(id, () -> {
            ObjectNode current = require(id);
            if (!policy.mayChange(actor, current.path("creator").path("id").asText(null))) {
                throw DomainException.denied("Only the document's creator, a moderator or an admin may archive "
                        + "or re-type document " + id);
            }
            List<NewEvent> events = DocumentChanges.events(id, userId, current, archived, types);
            if (!events.isEmpty()) {
                writer.write(id, ExpectedVersion.any(), events);
            }
            return require(id);
        });
    }

    public ObjectNode require(String id) {
        return documents.get(id).orElseThrow(() -> DomainException.notFound("Document " + id + " not found"));
    }
}

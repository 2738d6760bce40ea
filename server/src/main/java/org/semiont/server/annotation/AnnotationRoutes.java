package org.semiont.server.annotation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import org.semiont.server.web.SecuredRoutes;
import io.javalin.http.Context;
import java.io.IOException;
import org.semiont.server.auth.Authenticator;
import org.semiont.server.document.DocumentIds;
import org.semiont.server.document.DocumentRepository;
import org.semiont.server.error.DomainException;
import org.semiont.server.web.Requests;

/** {@code /api/annotations*}: create, list by document, get, update body, delete. */
public final class AnnotationRoutes {
    private final AnnotationService service;
    private final AnnotationRepository annotations;
    private final DocumentRepository documents;
    private final Requests requests;

    public AnnotationRoutes(AnnotationService service, AnnotationRepository annotations, DocumentRepository documents,
                            Requests requests) {
        this.service = service;
        this.annotations = annotations;
        this.documents = documents;
        this.requests = requests;
    }

    public void register(SecuredRoutes routes) {
        routes.post("/api/annotations", this::create);
        routes.get("/api/annotations", this::list);
        routes.get("/api/annotations/{id}", this::get);
        routes.put("/api/annotations/{id}/body", this::updateBody);
        routes.delete("/api/annotations/{id}", this::delete);
    }

    private void create(Context ctx) {
        AnnotationRepository.Stored a = service.create(requests.object(ctx), Authenticator.principal(ctx).userId());
        ctx.status(201).header("Location", service.iri(a.id())).json(wrap(a));
    }

    static ObjectNode wrap(AnnotationRepository.Stored a) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.putRawValue("annotation", new RawValue(a.json()));
        return out;
    }

    private void list(Context ctx) {
        String documentId = Requests.stringParam(ctx, "documentId", 200);
        if (documentId == null) {
            throw DomainException.invalid("BAD_REQUEST", "Query parameter documentId is required (a doc-sha256:… id)");
        }
        if (!DocumentIds.isValid(documentId) || !documents.exists(documentId)) {
            throw DomainException.notFound("Document " + Requests.abbreviate(documentId) + " not found");
        }
        String motivation = Requests.stringParam(ctx, "motivation", 40);
        if (motivation != null && !AnnotationValidator.MOTIVATIONS.contains(motivation)) {
            throw DomainException.invalid("BAD_REQUEST", "motivation must be one of "
                    + new java.util.TreeSet<>(AnnotationValidator.MOTIVATIONS));
        }
        int offset = Requests.intParam(ctx, "offset", 0, 0, Integer.MAX_VALUE);
        int limit = Requests.intParam(ctx, "limit", 50, 1, 1000);
        AnnotationRepository.Page p = annotations.listByDocument(documentId, motivation, offset, limit);
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ArrayNode arr = out.putArray("annotations");
        p.annotations().forEach(j -> arr.addRawValue(new RawValue(j)));
        ctx.json(out.put("total", p.total()).put("offset", offset).put("limit", limit));
    }

    private void get(Context ctx) {
        AnnotationRepository.Stored a = service.get(ctx.pathParam("id"));
        ObjectNode out = wrap(a);
        out.set("document", a.documentId() == null ? null : documents.get(a.documentId()).orElse(null));
        String linked = resolvedDocumentId(requests.json(), a.json());
        out.set("resolvedDocument", linked == null ? null : documents.get(linked).orElse(null));
        ctx.json(out);
    }

    private static String resolvedDocumentId(ObjectMapper json, String annotation) {
        try {
            var docs = AnnotationShapes.linkedDocuments(json.readTree(annotation).get("body"));
            return docs.isEmpty() ? null : docs.get(0);
        } catch (IOException e) {
            return null;
        }
    }

    private void updateBody(Context ctx) {
        JsonNode body = requests.object(ctx);
        ctx.json(wrap(service.updateBody(ctx.pathParam("id"), body.get("operations"), Authenticator.principal(ctx).actor())));
    }

    private void delete(Context ctx) {
        service.delete(ctx.pathParam("id"), Authenticator.principal(ctx).actor());
        ctx.status(204);
    }
}

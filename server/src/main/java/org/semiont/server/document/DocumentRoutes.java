package org.semiont.server.document;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.semiont.server.web.SecuredRoutes;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.semiont.server.util.NulChars;
import org.semiont.server.auth.Authenticator;
import org.semiont.server.error.DomainException;
import org.semiont.server.web.StreamedJson;
import org.semiont.server.web.Requests;

/** {@code /api/documents*}: create (JSON or multipart), list, search, get, patch, content, annotations, backlinks. */
public final class DocumentRoutes {
    static final int MAX_UPLOAD = 10 << 20;
    private final DocumentService service;
    private final DocumentRepository documents;
    private final DocumentAnnotations annotations;
    private final ContentStore content;
    private final Requests requests;

    public DocumentRoutes(DocumentService service, DocumentRepository documents, DocumentAnnotations annotations,
                          ContentStore content, Requests requests) {
        this.service = service;
        this.documents = documents;
        this.annotations = annotations;
        this.content = content;
        this.requests = requests;
    }

    public void register(SecuredRoutes routes) {
        routes.post("/api/documents", this::create);
        routes.get("/api/documents", this::list);
        routes.get("/api/documents/search", this::search);
        routes.get("/api/documents/{id}", ctx -> full(ctx, 200, service.require(ctx.pathParam("id"))));
        routes.patch("/api/documents/{id}", ctx -> full(ctx, 200, service.patch(ctx.pathParam("id"), requests.object(ctx),
                Authenticator.principal(ctx).actor())));
        routes.get("/api/documents/{id}/content", this::content);
        routes.get("/api/documents/{id}/annotations", this::annotationsOf);
        routes.get("/api/documents/{id}/referenced-by", this::referencedBy);
    }

    private void create(Context ctx) throws IOException {
        String type = ctx.contentType() == null ? "" : ctx.contentType();
        DocumentService.NewDocument d = type.startsWith("multipart/form-data") ? upload(ctx)
                : DocumentService.parse(requests.object(ctx), "api");
        full(ctx, 201, service.create(d, Authenticator.principal(ctx).userId()));
    }

    private DocumentService.NewDocument upload(Context ctx) {
        List<UploadedFile> files = ctx.uploadedFiles("file");
        if (files.size() != 1) {
            throw DomainException.invalid("VALIDATION_FAILED", files.isEmpty()
                    ? "A multipart upload needs a 'file' part (text/plain or text/markdown)"
                    : "A multipart upload takes one 'file' part, not " + files.size() + "; upload each document by itself");
        }
        UploadedFile file = files.get(0);
        if (file.size() > MAX_UPLOAD) {
            throw DomainException.tooLarge("The file has " + file.size() + " bytes; at most " + MAX_UPLOAD);
        }
        String format = UploadRules.format(ctx.formParam("format"), file.contentType(), file.filename());
        byte[] bytes;
        try (InputStream in = file.content()) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw DomainException.invalid("BAD_REQUEST", "Cannot read the uploaded file: " + e.getMessage());
        }
        String text = UploadRules.utf8Text(bytes);
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("name", ctx.formParam("name") != null ? ctx.formParam("name") : file.filename());
        body.put("format", format);
        ArrayNode types = body.putArray("entityTypes");
        ctx.formParams("entityTypes").forEach(types::add);
        if (ctx.formParam("language") != null) {
            body.put("language", ctx.formParam("language"));
        }
        body.put("content", text);
        if (NulChars.in(body)) {
            throw Requests.nulRefused();
        }
        DocumentService.NewDocument d = DocumentService.parse(body, "upload");
        return new DocumentService.NewDocument(d.name(), bytes, d.format(), d.entityTypes(), d.language(), d.creationMethod(),
                null, null);
    }

    private void list(Context ctx) {
        DocumentRepository.ListQuery q = new DocumentRepository.ListQuery(Requests.intParam(ctx, "offset", 0, 0, Integer.MAX_VALUE),
                Requests.intParam(ctx, "limit", 50, 1, 1000), Requests.stringParam(ctx, "entityType", 100),
                Requests.booleanParam(ctx, "archived"), Requests.stringParam(ctx, "search", 500));
        ctx.json(page(documents.list(q), q.offset(), q.limit(), q.search() != null));
    }

    private void search(Context ctx) {
        String q = Requests.stringParam(ctx, "q", 500);
        if (q == null) {
            throw DomainException.invalid("BAD_REQUEST",
                    "Query parameter q (the text to find in document names) is required");
        }
        int limit = Requests.intParam(ctx, "limit", 10, 1, 1000);
        ctx.json(page(documents.list(new DocumentRepository.ListQuery(0, limit, null, null, q)), 0, limit, true));
    }

    private ObjectNode page(DocumentRepository.Page p, int offset, int limit, boolean withContent) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ArrayNode arr = out.putArray("documents");
        for (ObjectNode d : p.documents()) {
            if (withContent) {
                d.put("content", snippet(d.path("id").asText()));
            }
            arr.add(d);
        }
        return out.put("total", p.total()).put("offset", offset).put("limit", limit);
    }

    /**
     * The first 200 characters of a document (never half of a surrogate pair). A damaged content file gives an empty
     * snippet rather than failing the whole search: the content read has logged it, and GET …/content reports it.
     */
    private String snippet(String id) {
        String text;
        try {
            text = content.get(id).map(b -> new String(b, StandardCharsets.UTF_8)).orElse("");
        } catch (DomainException e) {
            if (e.kind() != DomainException.Kind.CORRUPTED) {
                throw e;
            }
            return "";
        }
        if (text.length() <= 200) {
            return text;
        }
        return text.substring(0, Character.isHighSurrogate(text.charAt(199)) ? 199 : 200);
    }

    /**
     * {document, annotations, entityReferences}: the create response, the GET and the PATCH are this same shape.
     * Written as it is read ({@link StreamedJson}; the annotations 500 at a time), so a document with 100,000
     * annotations costs a response buffer, not the whole answer in memory.
     */
    private void full(Context ctx, int status, ObjectNode document) throws IOException {
        String id = document.path("id").asText();
        StreamedJson.write(ctx, requests.json(), status, g -> {
            g.writeStartObject();
            g.writeFieldName("document");
            g.writeTree(document);
            g.writeArrayFieldStart("annotations");
            annotations.eachOfDocument(id, false, g::writeRawValue);
            g.writeEndArray();
            g.writeArrayFieldStart("entityReferences");
            annotations.eachOfDocument(id, true, g::writeRawValue);
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    private void content(Context ctx) {
        ObjectNode d = service.require(ctx.pathParam("id"));
        byte[] bytes = content.get(d.path("id").asText()).orElseThrow(() -> DomainException.notFound(
                "The content of " + d.path("id").asText() + " is missing from the data dir"));
        ctx.contentType(d.path("format").asText() + "; charset=utf-8").result(bytes);
    }

    /** {annotations, total}, written as read (see {@link #full}). */
    private void annotationsOf(Context ctx) throws IOException {
        String id = service.require(ctx.pathParam("id")).path("id").asText();
        StreamedJson.write(ctx, requests.json(), 200, g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("annotations");
            long total = annotations.eachOfDocument(id, false, g::writeRawValue);
            g.writeEndArray();
            g.writeNumberField("total", total);
            g.writeEndObject();
        });
    }

    /** {referencedBy:[{id,documentName,target:{source,selector:{exact}}}]}, written as read (see {@link #full}). */
    private void referencedBy(Context ctx) throws IOException {
        String id = service.require(ctx.pathParam("id")).path("id").asText();
        StreamedJson.write(ctx, requests.json(), 200, g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("referencedBy");
            annotations.eachReferencing(id, b -> {
                g.writeStartObject();
                g.writeStringField("id", b.id());
                g.writeStringField("documentName", b.documentName());
                g.writeObjectFieldStart("target");
                g.writeStringField("source", b.documentId());
                g.writeObjectFieldStart("selector");
                g.writeStringField("exact", BacklinkQuotes.exact(requests.json(), b.json()));
                g.writeEndObject();
                g.writeEndObject();
                g.writeEndObject();
            });
            g.writeEndArray();
            g.writeEndObject();
        });
    }
}

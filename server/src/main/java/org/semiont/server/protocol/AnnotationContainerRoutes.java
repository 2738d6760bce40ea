package org.semiont.server.protocol;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Predicate;
import org.semiont.server.annotation.AnnotationRepository;
import org.semiont.server.annotation.AnnotationService;
import org.semiont.server.auth.Authenticator;
import org.semiont.server.document.ContentStore;
import org.semiont.server.error.DomainException;
import org.semiont.server.logging.LogTimestamps;
import org.semiont.server.protocol.turtle.AnnoTurtle;
import org.semiont.server.web.Requests;
import org.semiont.server.web.SecuredRoutes;

/**
 * The W3C Web Annotation Protocol: {@code /annotations/} is an LDP BasicContainer and AnnotationCollection
 * (paged with AnnotationPage, Prefer for minimal container / IRIs / descriptions), and every annotation's IRI
 * {@code <base-url>/annotations/<id>} dereferences here with ETags for conditional GET, PUT and DELETE. Every GET
 * answers JSON-LD or Turtle as {@code Accept} prefers (see {@link Representation}).
 */
public final class AnnotationContainerRoutes {
    static final String CONTAINER = "/annotations/";
    private final AnnotationService service;
    private final AnnotationRepository annotations;
    private final Requests requests;
    private final String containerIri;
    private final int pageSize;

    public AnnotationContainerRoutes(AnnotationService service, AnnotationRepository annotations, Requests requests, String baseUrl,
                                     int pageSize) {
        this.service = service;
        this.annotations = annotations;
        this.requests = requests;
        this.containerIri = baseUrl + CONTAINER;
        this.pageSize = pageSize;
    }

    public void register(SecuredRoutes routes) {
        routes.get(CONTAINER, this::container);
        routes.options(CONTAINER, ctx -> containerHeaders(ctx).status(200));
        routes.post(CONTAINER, this::create);
        routes.get(CONTAINER + "{id}", this::read);
        routes.options(CONTAINER + "{id}", ctx -> annotationLinks(ctx).status(200));
        routes.put(CONTAINER + "{id}", this::replace);
        routes.delete(CONTAINER + "{id}", this::delete);
    }

    private static Context allow(Context ctx, String methods) {
        return ctx.header("Allow", methods);
    }

    private void container(Context ctx) {
        Representation representation = Ldp.negotiate(ctx);
        String page = ctx.queryParam("page");
        ContainerView view = ContainerView.of(ctx.queryParam("iris"), ctx.queryParam("minimal"), Prefer.parse(ctx.header("Prefer")));
        Optional<String> modified = annotations.lastModified().map(LogTimestamps::format);
        ObjectNode body = page != null ? page(Requests.longParam(ctx, "page", 0, 0, Long.MAX_VALUE), view, modified)
                : collection(view, modified);
        String json = body.toString();
        containerHeaders(ctx).header("ETag", Etags.of(json, representation));
        if (page == null) {
            ctx.header("Content-Location", view.iri(containerIri));
            if (ctx.header("Prefer") != null && ctx.queryParam("iris") == null && ctx.queryParam("minimal") == null) {
                ctx.header("Preference-Applied", "return=representation");
            }
        }
        if (Etags.matches(ctx.header("If-None-Match"), json, representation)) {
            ctx.status(304);
            return;
        }
        respond(ctx, representation, json);
    }

    private static Context containerHeaders(Context ctx) {
        return allow(ctx, Ldp.CONTAINER_ALLOW).header("Link", Ldp.BASIC_CONTAINER + ", " + Ldp.CONSTRAINED_BY)
                .header("Accept-Post", Ldp.MEDIA_TYPE).header("Vary", "Accept, Prefer");
    }

    private ObjectNode collection(ContainerView view, Optional<String> modified) {
        long total = annotations.all(0, 0).total();
        long last = Math.max(0, (total - 1) / pageSize);
        ObjectNode c = JsonNodeFactory.instance.objectNode();
        c.putArray("@context").add(Ldp.ANNO_PROFILE).add(Ldp.LDP_CONTEXT);
        c.put("id", view.iri(containerIri));
        c.putArray("type").add("BasicContainer").add("AnnotationCollection");
        c.put("label", "Annotations of this Semiont server").put("total", total);
        modified.ifPresent(m -> c.put("modified", m));
        if (total > 0) {
            if (view.minimal()) {
                c.put("first", view.pageIri(containerIri, 0));
            } else {
                ObjectNode first = page(0, view, modified);
                first.remove("@context");
                c.set("first", first);
            }
            c.put("last", view.pageIri(containerIri, last));
        }
        return c;
    }

    /** Page {@code n}; offsets are 64-bit, and a page past the last one (however far) is 404 without a query. */
    private ObjectNode page(long n, ContainerView view, Optional<String> modified) {
        long offset = n > Long.MAX_VALUE / pageSize ? Long.MAX_VALUE : n * pageSize;
        AnnotationRepository.Page p = offset == Long.MAX_VALUE ? null : annotations.all(offset, pageSize);
        if (p == null || n > 0 && p.annotations().isEmpty()) {
            throw DomainException.notFound("Page " + n + " is past the last page of " + containerIri);
        }
        ObjectNode page = JsonNodeFactory.instance.objectNode().put("@context", Ldp.ANNO_PROFILE)
                .put("id", view.pageIri(containerIri, n)).put("type", "AnnotationPage");
        ObjectNode partOf = page.putObject("partOf").put("id", view.collection().iri(containerIri)).put("total", p.total());
        modified.ifPresent(m -> partOf.put("modified", m));
        partOf.put("type", "AnnotationCollection");
        page.put("startIndex", offset);
        if (offset + pageSize < p.total()) {
            page.put("next", view.pageIri(containerIri, n + 1));
        }
        if (n > 0) {
            page.put("prev", view.pageIri(containerIri, n - 1));
        }
        ArrayNode items = page.putArray("items");
        for (String json : p.annotations()) {
            if (view.iris()) {
                items.add(Etags.idOf(requests.json(), json));
            } else {
                items.addRawValue(new RawValue(json));
            }
        }
        return page;
    }

    private void create(Context ctx) {
        Ldp.requireJsonBody(ctx);
        Representation representation = Ldp.negotiate(ctx);
        AnnotationRepository.Stored a = service.createInContainer(requests.object(ctx), Authenticator.principal(ctx).userId(),
                ctx.header("Slug"));
        ctx.status(201).header("Location", service.iri(a.id()));
        annotationHeaders(ctx, a, representation).header("Content-Location", service.iri(a.id()));
        respond(ctx, representation, a.json());
    }

    private Context annotationHeaders(Context ctx, AnnotationRepository.Stored a, Representation representation) {
        return annotationLinks(ctx).header("ETag", Etags.of(a.json(), representation));
    }

    private static Context annotationLinks(Context ctx) {
        return allow(ctx, Ldp.ANNOTATION_ALLOW).header("Link", Ldp.RESOURCE + ", " + Ldp.ANNOTATION_TYPE).header("Vary", "Accept");
    }

    private void read(Context ctx) {
        Representation representation = Ldp.negotiate(ctx);
        AnnotationRepository.Stored a = service.get(ctx.pathParam("id"));
        annotationHeaders(ctx, a, representation);
        if (Etags.matches(ctx.header("If-None-Match"), a.json(), representation)) {
            ctx.status(304);
            return;
        }
        respond(ctx, representation, a.json());
    }

    private void replace(Context ctx) {
        Ldp.requireJsonBody(ctx);
        Representation representation = Ldp.negotiate(ctx);
        String ifMatch = ctx.header("If-Match");
        if (ifMatch == null) {
            throw DomainException.versionRequired("PUT needs If-Match with the annotation's current ETag "
                    + "(from GET " + CONTAINER + ctx.pathParam("id") + ")");
        }
        AnnotationRepository.Stored a = service.replace(ctx.pathParam("id"), requests.object(ctx),
                Authenticator.principal(ctx).actor(), json -> Etags.matchesAnyRepresentation(ifMatch, json));
        respond(annotationHeaders(ctx, a, representation), representation, a.json());
    }

    private void delete(Context ctx) {
        String ifMatch = ctx.header("If-Match");
        Predicate<String> precondition = ifMatch == null ? json -> true : json -> Etags.matchesAnyRepresentation(ifMatch, json);
        service.delete(ctx.pathParam("id"), Authenticator.principal(ctx).actor(), precondition);
        ctx.status(204);
    }

    private void respond(Context ctx, Representation representation, String json) {
        ctx.contentType(representation.contentType);
        if (!ctx.method().name().equals("HEAD")) {
            ctx.result(representation == Representation.TURTLE ? turtle(json) : json);
        }
    }

    private String turtle(String json) {
        try {
            return AnnoTurtle.write(requests.json().readTree(json));
        } catch (IOException e) {
            throw new IllegalStateException("served annotation JSON is unreadable", e);
        }
    }

    static String sha(String json) {
        return ContentStore.sha256(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}

package org.semiont.server.protocol;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.function.Predicate;
import org.semiont.server.annotation.AnnotationRepository;
import org.semiont.server.annotation.AnnotationService;
import org.semiont.server.auth.Authenticator;
import org.semiont.server.document.ContentStore;
import org.semiont.server.http.ApiError;
import org.semiont.server.http.ApiException;
import org.semiont.server.protocol.turtle.AnnoTurtle;
import org.semiont.server.rest.Requests;
import org.semiont.server.rest.SecuredRoutes;

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
        routes.options(CONTAINER, ctx -> allow(ctx, Ldp.CONTAINER_ALLOW).header("Accept-Post", Ldp.MEDIA_TYPE).status(200));
        routes.post(CONTAINER, this::create);
        routes.get(CONTAINER + "{id}", this::read);
        routes.options(CONTAINER + "{id}", ctx -> allow(ctx, Ldp.ANNOTATION_ALLOW).status(200));
        routes.put(CONTAINER + "{id}", this::replace);
        routes.delete(CONTAINER + "{id}", this::delete);
    }

    private static Context allow(Context ctx, String methods) {
        return ctx.header("Allow", methods);
    }

    private void container(Context ctx) {
        Representation representation = Ldp.negotiate(ctx);
        String page = ctx.queryParam("page");
        boolean iris = "1".equals(ctx.queryParam("iris")) || Prefer.parse(ctx.header("Prefer")).includes(Ldp.PREFER_IRIS);
        ObjectNode body = page != null ? page(Requests.longParam(ctx, "page", 0, 0, Long.MAX_VALUE), iris)
                : collection(Prefer.parse(ctx.header("Prefer")));
        String json = body.toString();
        ctx.header("Link", Ldp.BASIC_CONTAINER + ", " + Ldp.CONSTRAINED_BY).header("ETag", Etags.of(json, representation));
        allow(ctx, Ldp.CONTAINER_ALLOW).header("Accept-Post", Ldp.MEDIA_TYPE).header("Vary", "Accept, Prefer");
        if (Etags.matches(ctx.header("If-None-Match"), json, representation)) {
            ctx.status(304);
            return;
        }
        respond(ctx, representation, json);
    }

    private ObjectNode collection(Prefer prefer) {
        long total = annotations.all(0, 0).total();
        long last = Math.max(0, (total - 1) / pageSize);
        ObjectNode c = JsonNodeFactory.instance.objectNode();
        c.putArray("@context").add(Ldp.ANNO_PROFILE).add(Ldp.LDP_CONTEXT);
        c.put("id", containerIri);
        c.putArray("type").add("BasicContainer").add("AnnotationCollection");
        c.put("label", "Annotations of this Semiont server").put("total", total);
        boolean iris = prefer.includes(Ldp.PREFER_IRIS);
        if (total > 0) {
            String suffix = iris ? "&iris=1" : "";
            if (prefer.includes(Ldp.PREFER_MINIMAL) || iris && !prefer.includes(Ldp.PREFER_DESCRIPTIONS) && prefer.omitsDescriptions()) {
                c.put("first", containerIri + "?page=0" + suffix);
            } else {
                ObjectNode first = page(0, iris);
                first.remove("@context");
                c.set("first", first);
            }
            c.put("last", containerIri + "?page=" + last + suffix);
        }
        return c;
    }

    /** Page {@code n}; offsets are 64-bit, and a page past the last one (however far) is 404 without a query. */
    private ObjectNode page(long n, boolean iris) {
        long offset = n > Long.MAX_VALUE / pageSize ? Long.MAX_VALUE : n * pageSize;
        AnnotationRepository.Page p = offset == Long.MAX_VALUE ? null : annotations.all(offset, pageSize);
        if (p == null || n > 0 && p.annotations().isEmpty()) {
            throw new ApiException(ApiError.NOT_FOUND, "Page " + n + " is past the last page of " + containerIri);
        }
        String suffix = iris ? "&iris=1" : "";
        ObjectNode page = JsonNodeFactory.instance.objectNode().put("@context", Ldp.ANNO_PROFILE)
                .put("id", containerIri + "?page=" + n + suffix).put("type", "AnnotationPage");
        page.putObject("partOf").put("id", containerIri).put("total", p.total()).put("type", "AnnotationCollection");
        page.put("startIndex", offset);
        if (offset + pageSize < p.total()) {
            page.put("next", containerIri + "?page=" + (n + 1) + suffix);
        }
        if (n > 0) {
            page.put("prev", containerIri + "?page=" + (n - 1) + suffix);
        }
        ArrayNode items = page.putArray("items");
        for (String json : p.annotations()) {
            if (iris) {
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
        return allow(ctx, Ldp.ANNOTATION_ALLOW).header("Link", Ldp.RESOURCE + ", " + Ldp.ANNOTATION_TYPE)
                .header("ETag", Etags.of(a.json(), representation)).header("Vary", "Accept");
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
            throw new ApiException(ApiError.PRECONDITION_REQUIRED, "PUT needs If-Match with the annotation's current ETag "
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

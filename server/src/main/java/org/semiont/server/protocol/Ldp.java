package org.semiont.server.protocol;

import io.javalin.http.Context;
import java.util.Locale;
import org.semiont.server.error.DomainException;

/** Media types, link relations and content negotiation of the W3C Web Annotation Protocol. */
final class Ldp {
    static final String ANNO_PROFILE = "http://www.w3.org/ns/anno.jsonld";
    static final String MEDIA_TYPE = "application/ld+json; profile=\"" + ANNO_PROFILE + "\"";
    static final String LDP_CONTEXT = "http://www.w3.org/ns/ldp.jsonld";
    static final String BASIC_CONTAINER = "<http://www.w3.org/ns/ldp#BasicContainer>; rel=\"type\"";
    static final String RESOURCE = "<http://www.w3.org/ns/ldp#Resource>; rel=\"type\"";
    static final String ANNOTATION_TYPE = "<http://www.w3.org/ns/oa#Annotation>; rel=\"type\"";
    static final String CONSTRAINED_BY = "<http://www.w3.org/TR/annotation-protocol/>; rel=\"http://www.w3.org/ns/ldp#constrainedBy\"";
    static final String PREFER_MINIMAL = "http://www.w3.org/ns/ldp#PreferMinimalContainer";
    static final String PREFER_IRIS = "http://www.w3.org/ns/oa#PreferContainedIRIs";
    static final String PREFER_DESCRIPTIONS = "http://www.w3.org/ns/oa#PreferContainedDescriptions";
    static final String CONTAINER_ALLOW = "GET, HEAD, OPTIONS, POST";
    static final String ANNOTATION_ALLOW = "GET, HEAD, OPTIONS, PUT, DELETE";

    private Ldp() {
    }

    /** JSON-LD with the anno profile or Turtle, whichever Accept prefers; 406 when it accepts neither. */
    static Representation negotiate(Context ctx) {
        String accept = ctx.header("Accept");
        Representation r = Representation.choose(accept);
        if (r == null) {
            throw DomainException.unacceptable("This server serves annotations as " + MEDIA_TYPE
                    + " or text/turtle; got Accept: " + accept);
        }
        return r;
    }

    /** POST and PUT bodies must be JSON-LD (or plain JSON): Turtle is served, not accepted. */
    static void requireJsonBody(Context ctx) {
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        if (!type.startsWith("application/ld+json") && !type.startsWith("application/json")) {
            throw DomainException.unsupported("Send annotations as " + MEDIA_TYPE + "; got Content-Type: "
                    + (type.isEmpty() ? "none" : type));
        }
    }
}

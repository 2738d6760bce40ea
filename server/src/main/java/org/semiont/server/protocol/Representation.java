package org.semiont.server.protocol;

import org.semiont.server.web.MediaRanges;

/**
 * The two representations of annotations, pages and the container, chosen from {@code Accept} with q-values.
 * Each media range counts only through its most specific match for a representation (RFC 9110 §12.5.1);
 * on equal quality JSON-LD wins, because the protocol makes it the required one.
 */
enum Representation {
    JSON_LD(Ldp.MEDIA_TYPE, ""),
    TURTLE("text/turtle; charset=utf-8", "-ttl");

    final String contentType;
    /** Appended inside the ETag so each representation of one state has its own strong validator. */
    final String etagSuffix;

    Representation(String contentType, String etagSuffix) {
        this.contentType = contentType;
        this.etagSuffix = etagSuffix;
    }

    /** The best representation for this Accept header, or null when it accepts neither. */
    static Representation choose(String accept) {
        if (accept == null || accept.isBlank()) {
            return JSON_LD;
        }
        double jsonLd = MediaRanges.quality(accept, JSON_LD::specificity);
        double turtle = MediaRanges.quality(accept, TURTLE::specificity);
        if (jsonLd <= 0 && turtle <= 0) {
            return null;
        }
        return turtle > jsonLd ? TURTLE : JSON_LD;
    }

    /** 3 for an exact type, 2 for a JSON type standing in for JSON-LD, 1 for a subtype wildcard, 0 for the full wildcard, -1 no match. */
    private int specificity(String type) {
        if (type.equals("*/*")) {
            return 0;
        }
        if (this == TURTLE) {
            return type.equals("text/turtle") ? 3 : type.equals("text/*") ? 1 : -1;
        }
        return type.equals("application/ld+json") ? 3 : type.equals("application/json") ? 2 : type.equals("application/*") ? 1 : -1;
    }
}

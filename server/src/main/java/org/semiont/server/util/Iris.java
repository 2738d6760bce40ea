package org.semiont.server.util;

/** IRIs as the server names its resources. */
public final class Iris {
    private Iris() {
    }

    /** The part after the last slash (an annotation's short id is the last segment of its IRI); the whole if none. */
    public static String lastSegment(String iri) {
        int slash = iri.lastIndexOf('/');
        return slash < 0 ? iri : iri.substring(slash + 1);
    }
}

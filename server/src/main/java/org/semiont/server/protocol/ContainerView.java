package org.semiont.server.protocol;

/**
 * One representation of the container, as {@code Prefer} or the query selects it: pages that embed the annotations
 * ({@code ?iris=0}) or list their IRIs ({@code ?iris=1}), and a minimal container that links its first page instead of
 * embedding it ({@code &minimal=1}). Each has an IRI of its own, which dereferences to it without a {@code Prefer}.
 */
record ContainerView(boolean iris, boolean minimal) {
    /** The query wins over {@code Prefer}; without either, the annotations are embedded in full. */
    static ContainerView of(String irisParam, String minimalParam, Prefer prefer) {
        boolean iris = irisParam != null ? "1".equals(irisParam)
                : prefer.includes(Ldp.PREFER_IRIS) && !prefer.includes(Ldp.PREFER_DESCRIPTIONS);
        boolean minimal = minimalParam != null ? "1".equals(minimalParam)
                : prefer.includes(Ldp.PREFER_MINIMAL) || iris && prefer.omitsDescriptions() && !prefer.includes(Ldp.PREFER_DESCRIPTIONS);
        return new ContainerView(iris, minimal);
    }

    /** The same listing with its first page embedded: what pages are part of. */
    ContainerView collection() {
        return new ContainerView(iris, false);
    }

    String iri(String container) {
        return container + "?iris=" + (iris ? 1 : 0) + (minimal ? "&minimal=1" : "");
    }

    String pageIri(String container, long n) {
        return container + "?page=" + n + (iris ? "&iris=1" : "");
    }
}

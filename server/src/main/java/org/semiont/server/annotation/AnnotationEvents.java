package org.semiont.server.annotation;

/** Annotation event types (the original Semiont's names). */
public final class AnnotationEvents {
    public static final String ADDED = "annotation.added";
    public static final String REMOVED = "annotation.removed";
    public static final String BODY_UPDATED = "annotation.body.updated";
    /** Whole-annotation replacement (W3C protocol PUT); not in the original, which had no PUT. */
    public static final String UPDATED = "annotation.updated";
    /** Annotations whose target is not a document of this server live on this stream. */
    public static final String NON_DOCUMENT_STREAM = "__annotations__";

    private AnnotationEvents() {
    }
}

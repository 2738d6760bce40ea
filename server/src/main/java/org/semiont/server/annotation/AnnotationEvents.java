package org.semiont.server.annotation;

/** Annotation event types (the original Semiont's names). */
public final class AnnotationEvents {
    public static final String ADDED = "annotation.added";
    public static final String REMOVED = "annotation.removed";
    public static final String BODY_UPDATED = "annotation.body.updated";

    private AnnotationEvents() {
    }
}

package org.semiont.server.document;

/** Event types of document streams (the original Semiont's names). */
public final class DocumentEvents {
    public static final String CREATED = "document.created";
    public static final String CLONED = "document.cloned";
    public static final String ARCHIVED = "document.archived";
    public static final String UNARCHIVED = "document.unarchived";
    public static final String TAG_ADDED = "entitytag.added";
    public static final String TAG_REMOVED = "entitytag.removed";

    private DocumentEvents() {
    }
}

package org.semiont.server.document;

import java.io.IOException;

/**
 * What documents read of their annotations (a document's JSON file and its routes): streamed, as stored JSON. The
 * annotation package implements it; documents do not depend on annotations.
 */
public interface DocumentAnnotations {
    /** Receives one row of a streamed read; may write it out (hence the IOException). */
    interface RowSink<T> {
        void accept(T row) throws IOException;
    }

    /** An annotation whose body links to a document, with the name of the document it is on. */
    record Backlink(String id, String documentId, String documentName, String json) {
    }

    /**
     * Streams a document's annotations (all, or only its entity references: linking annotations that carry a
     * tagging body) in creation order, as JSON. Returns how many there were.
     */
    long eachOfDocument(String documentId, boolean entityReferencesOnly, RowSink<String> sink) throws IOException;

    /** A stored annotation (its JSON) and the document it is on. */
    record OfDocument(String documentId, String json) {
    }

    /**
     * Streams the annotations of the documents whose ids lie between {@code fromId} and {@code toId} (inclusive, in the
     * database's order of ids), ordered by document id in that same order, then by creation: for writing many
     * documents' files from one query.
     */
    void eachOfDocuments(String fromId, String toId, RowSink<OfDocument> sink) throws IOException;

    /** Streams the backlinks to a document (annotations whose body links to it). Returns how many there were. */
    long eachReferencing(String documentId, RowSink<Backlink> sink) throws IOException;
}

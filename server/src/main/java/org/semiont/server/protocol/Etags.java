package org.semiont.server.protocol;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** Strong ETags per representation of the stored annotation JSON, and the If-Match / If-None-Match comparisons. */
final class Etags {
    private Etags() {
    }

    /** The validator of one representation: the same stored state gives a different tag as JSON-LD and as Turtle. */
    static String of(String json, Representation r) {
        return "\"" + AnnotationContainerRoutes.sha(json).substring(0, 32) + r.etagSuffix + "\"";
    }

    /** If-None-Match: true when the header lists the ETag of the representation being served, or is {@code *}. */
    static boolean matches(String header, String json, Representation r) {
        return header != null && lists(header, of(json, r));
    }

    /**
     * If-Match on PUT and DELETE: the tag of either representation names the same stored state, so a client that
     * read Turtle can update as well as one that read JSON-LD.
     */
    static boolean matchesAnyRepresentation(String header, String json) {
        for (Representation r : Representation.values()) {
            if (matches(header, json, r)) {
                return true;
            }
        }
        return false;
    }

    private static boolean lists(String header, String mine) {
        for (String t : header.split(",")) {
            String tag = t.trim();
            if (tag.equals("*") || tag.equals(mine) || tag.equals("W/" + mine)) {
                return true;
            }
        }
        return false;
    }

    static String idOf(ObjectMapper json, String annotation) {
        try {
            return json.readTree(annotation).path("id").asText();
        } catch (IOException e) {
            throw new IllegalStateException("stored annotation JSON is unreadable", e);
        }
    }
}

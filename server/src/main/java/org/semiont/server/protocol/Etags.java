package org.semiont.server.protocol;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** Strong ETags over the served annotation JSON, and the If-Match / If-None-Match comparisons. */
final class Etags {
    private Etags() {
    }

    static String of(String json) {
        return "\"" + AnnotationContainerRoutes.sha(json).substring(0, 32) + "\"";
    }

    /** True when the header lists this representation's ETag, or is {@code *}. */
    static boolean matches(String header, String json) {
        if (header == null) {
            return false;
        }
        String mine = of(json);
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

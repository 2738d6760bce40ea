package org.semiont.server.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** The quoted text of an annotation's TextQuoteSelector, for backlink listings. */
final class BacklinkQuotes {
    private BacklinkQuotes() {
    }

    static String exact(ObjectMapper json, String annotationJson) {
        try {
            JsonNode sel = json.readTree(annotationJson).path("target").path("selector");
            for (JsonNode s : sel.isArray() ? sel : json.createArrayNode().add(sel)) {
                if ("TextQuoteSelector".equals(s.path("type").asText())) {
                    return s.path("exact").asText();
                }
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }
}

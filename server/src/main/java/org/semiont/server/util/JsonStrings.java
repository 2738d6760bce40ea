package org.semiont.server.util;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.function.Predicate;

/** Looks through every string of a JSON tree, values and field names alike, for rules on what strings may hold. */
public final class JsonStrings {
    private JsonStrings() {
    }

    /** The first string value or field name in the tree that {@code test} accepts, or null when none does. */
    public static String first(JsonNode n, Predicate<String> test) {
        if (n.isTextual()) {
            return test.test(n.textValue()) ? n.textValue() : null;
        }
        if (n.isObject()) {
            for (Map.Entry<String, JsonNode> f : n.properties()) {
                if (test.test(f.getKey())) {
                    return f.getKey();
                }
                String inside = first(f.getValue(), test);
                if (inside != null) {
                    return inside;
                }
            }
        } else if (n.isArray()) {
            for (JsonNode item : n) {
                String inside = first(item, test);
                if (inside != null) {
                    return inside;
                }
            }
        }
        return null;
    }
}

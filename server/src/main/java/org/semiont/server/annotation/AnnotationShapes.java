package org.semiont.server.annotation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.semiont.server.document.DocumentIds;
import org.semiont.server.util.Iris;

/** Pure helpers over W3C annotation JSON: extracted columns, body operations, the served key order. */
public final class AnnotationShapes {
    public static final String CONTEXT = "http://www.w3.org/ns/anno.jsonld";
    private static final List<String> HEAD = List.of("@context", "type", "id", "motivation", "target", "body");
    private static final Set<String> TAIL = Set.of("creator", "created", "modified", "modifiedBy");
    /**
     * PostgreSQL refuses an index entry over ~2.7 kB (B-tree) or ~8 kB (GIN), and a refused row would stop the
     * projection at that event for good. Extracted, indexed values stay under this; validation keeps real ones far
     * below it (a longer value stays whole in {@code target}, {@code body} and {@code data}).
     */
    static final int MAX_INDEXED_BYTES = 2000;

    private AnnotationShapes() {
    }

    /** The last path segment of an annotation IRI (the short id); the id itself if it has no '/'. */
    public static String shortId(String id) {
        return Iris.lastSegment(id);
    }

    public static String targetSource(JsonNode target) {
        if (target.isTextual()) {
            return target.asText();
        }
        if (target.isArray() && target.size() > 0) {
            return targetSource(target.get(0));
        }
        return target.path("source").asText(target.path("id").asText(""));
    }

    /** {@link #targetSource} as the indexed column holds it: cut to {@link #MAX_INDEXED_BYTES} of UTF-8. */
    public static String indexedTargetSource(JsonNode target) {
        String s = targetSource(target);
        if (indexable(s)) {
            return s;
        }
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        int end = MAX_INDEXED_BYTES;
        while ((utf8[end] & 0xC0) == 0x80) {
            end--; // utf8[end] is the first byte left out: never split a character
        }
        return new String(utf8, 0, end, StandardCharsets.UTF_8);
    }

    private static boolean indexable(String s) {
        // a char is at most 3 bytes of UTF-8 (a surrogate pair, 2 chars, is 4)
        return s.length() * 3 <= MAX_INDEXED_BYTES || s.getBytes(StandardCharsets.UTF_8).length <= MAX_INDEXED_BYTES;
    }

    public static ArrayNode bodyArray(JsonNode body) {
        if (body == null || body.isNull() || body.isMissingNode()) {
            return JsonNodeFactory.instance.arrayNode();
        }
        if (body.isArray()) {
            return ((ArrayNode) body).deepCopy();
        }
        return JsonNodeFactory.instance.arrayNode().add(body.deepCopy());
    }

    /** Documents this annotation links to: SpecificResource bodies (and plain IRIs) naming a document. */
    public static List<String> linkedDocuments(JsonNode body) {
        Set<String> out = new LinkedHashSet<>();
        for (JsonNode b : bodyArray(body)) {
            String src = b.isTextual() ? b.asText() : "SpecificResource".equals(b.path("type").asText()) ? b.path("source").asText("") : "";
            if (src.startsWith(DocumentIds.PREFIX) && indexable(src)) {
                out.add(src);
            }
        }
        return new ArrayList<>(out);
    }

    /** Values of TextualBody items whose purpose is tagging (entity tags); one too long to index is left out. */
    public static List<String> entityTags(JsonNode body) {
        Set<String> out = new LinkedHashSet<>();
        for (JsonNode b : bodyArray(body)) {
            if (isTag(b) && indexable(b.path("value").asText())) {
                out.add(b.path("value").asText());
            }
        }
        return new ArrayList<>(out);
    }

    static boolean isTag(JsonNode bodyItem) {
        return "TextualBody".equals(bodyItem.path("type").asText()) && "tagging".equals(bodyItem.path("purpose").asText());
    }

    /** Applies add (idempotent), remove and replace (by deep equality) to a body, as the original does. */
    public static ArrayNode applyOperations(JsonNode body, JsonNode operations) {
        ArrayNode items = bodyArray(body);
        for (JsonNode op : operations) {
            switch (op.path("op").asText()) {
                case "add" -> {
                    if (indexOf(items, op.get("item")) < 0) {
                        items.add(op.get("item"));
                    }
                }
                case "remove" -> {
                    int i = indexOf(items, op.get("item"));
                    if (i >= 0) {
                        items.remove(i);
                    }
                }
                case "replace" -> {
                    int i = indexOf(items, op.get("oldItem"));
                    if (i >= 0) {
                        items.set(i, op.get("newItem"));
                    }
                }
                default -> {
                }
            }
        }
        return items;
    }

    private static int indexOf(ArrayNode items, JsonNode item) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).equals(item)) {
                return i;
            }
        }
        return -1;
    }

    /** The served annotation as created: W3C keys first, then any extra keys, then creator, created, modified. */
    public static ObjectNode served(JsonNode annotation, ObjectNode creator, String created, String modified) {
        return served(annotation, creator, created, modified, null);
    }

    /** As {@link #served(JsonNode, ObjectNode, String, String)}, after a change by {@code modifiedBy} (who made it). */
    public static ObjectNode served(JsonNode annotation, ObjectNode creator, String created, String modified, ObjectNode modifiedBy) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (String k : HEAD) {
            if (annotation.has(k)) {
                out.set(k, annotation.get(k));
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = annotation.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (!HEAD.contains(f.getKey()) && !TAIL.contains(f.getKey())) {
                out.set(f.getKey(), f.getValue());
            }
        }
        out.set("creator", creator);
        out.put("created", created);
        out.put("modified", modified);
        if (modifiedBy != null) {
            out.set("modifiedBy", modifiedBy);
        }
        return out;
    }

    /** A user as an annotation names them: {@code {type: Person, id, name}} with the display name. */
    public static ObjectNode person(String userId, String displayName) {
        return JsonNodeFactory.instance.objectNode().put("type", "Person").put("id", userId).put("name", displayName);
    }
}

package org.semiont.server.util;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.semiont.events.StoredEvent;
import org.semiont.events.jsonl.BytePattern;

/**
 * U+0000 in JSON strings: valid JSON, but PostgreSQL stores it in neither {@code text} nor {@code jsonb}. Requests
 * with it are refused; events that carry it anyway (written before this rule, or imported) are projected with
 * U+FFFD in its place, so such an event can never stop the projection. The log keeps the bytes as written.
 */
public final class NulChars {
    public static final char NUL = '\u0000';
    public static final char REPLACEMENT = '\uFFFD';
    /** How JSON writes U+0000 (it has no other form): a cheap test on bytes before looking at a tree. */
    private static final BytePattern ESCAPED = new BytePattern("\\u0000".getBytes(StandardCharsets.US_ASCII));

    private NulChars() {
    }

    /** Whether JSON bytes may hold U+0000 in a string (false means they cannot). */
    public static boolean mayBeIn(byte[] json) {
        return ESCAPED.foundIn(json, 0, json.length);
    }

    /** An event's tree for projecting: U+0000 replaced, when its bytes hold any. */
    public static ObjectNode projectable(StoredEvent e) {
        ObjectNode event = e.event();
        if (e.eventContains(ESCAPED)) {
            replaceIn(event);
        }
        return event;
    }

    /** Whether any string or field name in the tree holds U+0000. */
    public static boolean in(JsonNode n) {
        return JsonStrings.first(n, s -> s.indexOf(NUL) >= 0) != null;
    }

    /** Replaces U+0000 by U+FFFD in every string and field name of the tree, in place. */
    public static void replaceIn(ObjectNode n) {
        List<String> renamed = new ArrayList<>();
        for (Map.Entry<String, JsonNode> f : n.properties()) {
            if (f.getKey().indexOf(NUL) >= 0) {
                renamed.add(f.getKey());
            }
            f.setValue(replaced(f.getValue()));
        }
        for (String name : renamed) {
            n.set(name.replace(NUL, REPLACEMENT), n.remove(name));
        }
    }

    private static JsonNode replaced(JsonNode v) {
        if (v.isTextual() && v.textValue().indexOf(NUL) >= 0) {
            return TextNode.valueOf(v.textValue().replace(NUL, REPLACEMENT));
        }
        if (v.isObject()) {
            replaceIn((ObjectNode) v);
        } else if (v.isArray()) {
            ArrayNode a = (ArrayNode) v;
            for (int i = 0; i < a.size(); i++) {
                a.set(i, replaced(a.get(i)));
            }
        }
        return v;
    }
}

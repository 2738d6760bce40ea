package org.semiont.events.jsonl;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one set of read limits for the event log. Whatever is appended must be readable by every reader of the log
 * for good (a line the readers refuse would stop the projection at that event forever), so the log reads with limits
 * wider than anything a request may reach, and {@link org.semiont.events.NewEvent} refuses, before the append, an
 * event these limits could not read back. Jackson's defaults (1,000 levels, 20 M characters per string) are not
 * used: a request body 999 levels deep, wrapped into an event, was 1,001 levels deep.
 */
public final class LogJson {
    /** Nesting levels a stored line may have: its {@code event} object (and everything in it) sits one level down. */
    public static final int MAX_DEPTH = 2_000;
    /** Strings and field names are bounded by the line, which the reader holds whole anyway. */
    public static final StreamReadConstraints READ = StreamReadConstraints.builder()
            .maxNestingDepth(MAX_DEPTH)
            .maxStringLength(Integer.MAX_VALUE)
            .maxNameLength(Integer.MAX_VALUE)
            .build();
    private static final JsonFactory FACTORY = JsonFactory.builder().streamReadConstraints(READ).build();
    private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

    private LogJson() {
    }

    /** A parser factory with the log's read limits. */
    public static JsonFactory factory() {
        return FACTORY;
    }

    /** A tree reader with the log's read limits (thread-safe, shared). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Nesting depth of a tree as the parser counts it: each object or array is one level. Iterative, any depth. */
    public static int depth(JsonNode root) {
        int max = 0;
        java.util.ArrayDeque<JsonNode> nodes = new java.util.ArrayDeque<>();
        java.util.ArrayDeque<Integer> depths = new java.util.ArrayDeque<>();
        nodes.push(root);
        depths.push(1);
        while (!nodes.isEmpty()) {
            JsonNode n = nodes.pop();
            int d = depths.pop();
            if (!n.isContainerNode()) {
                continue;
            }
            max = Math.max(max, d);
            for (JsonNode child : n) {
                if (child.isContainerNode()) {
                    nodes.push(child);
                    depths.push(d + 1);
                }
            }
        }
        return max;
    }
}

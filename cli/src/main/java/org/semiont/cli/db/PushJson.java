package org.semiont.cli.db;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.semiont.schema.PushResult;
import org.semiont.schema.check.Finding;

/** The push result as the one JSON object of the CLI contract: applied, statements, warnings, unexecutable. */
final class PushJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PushJson() {
    }

    static String json(PushResult result) {
        ObjectNode root = JSON.createObjectNode();
        root.put("applied", result.applied());
        ArrayNode statements = root.putArray("statements");
        result.statements().forEach(statements::add);
        findings(root.putArray("warnings"), result.warnings());
        findings(root.putArray("unexecutable"), result.unexecutable());
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the push result as JSON", e);
        }
    }

    private static void findings(ArrayNode array, List<Finding> findings) {
        findings.forEach(f -> array.addObject().put("code", f.code()).put("message", f.message()));
    }
}

package org.semiont.cli.db;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import org.semiont.schema.PushResult;
import org.semiont.schema.check.Finding;

/** Prints a push result for people, or as the one JSON object of the CLI contract. */
final class PushReport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PushReport() {
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

    /** @param proceed the command that applies despite warnings (with --accept-data-loss) */
    static void human(PrintWriter out, PushResult result, String proceed) {
        if (!result.changes().isEmpty()) {
            out.println("Changes:");
            result.changes().forEach(c -> out.println("  - " + c));
        }
        if (!result.unexecutable().isEmpty()) {
            out.println("We found changes that cannot be executed:");
            result.unexecutable().forEach(f -> out.println("  • " + f.message()));
            out.println("Nothing was applied (" + result.took().toMillis() + " ms). Change the schema, or reset the database"
                    + " (all its data is lost) with:");
            out.println("  " + proceed.replace("--accept-data-loss", "--force-reset"));
            return;
        }
        if (!result.warnings().isEmpty()) {
            out.println(result.applied() ? "Applied despite these data-loss warnings:" : "There might be data loss when applying the changes:");
            result.warnings().forEach(f -> out.println("  • " + f.message()));
        }
        if (!result.applied() && !result.warnings().isEmpty()) {
            out.println("Nothing was applied (" + result.took().toMillis() + " ms). To apply the changes anyway, run:");
            out.println("  " + proceed);
            return;
        }
        if (result.applied()) {
            out.println("Your database is now in sync with the schema. Done in " + result.took().toMillis() + " ms.");
        } else {
            out.println("The database is already in sync with the schema (" + result.took().toMillis() + " ms).");
        }
    }
}

package org.semiont.cli.db;

import java.io.PrintWriter;
import org.semiont.schema.PushResult;

/** Prints a push result for people (the JSON form is {@link PushJson}, so Jackson loads only for --json). */
final class PushReport {
    private PushReport() {
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

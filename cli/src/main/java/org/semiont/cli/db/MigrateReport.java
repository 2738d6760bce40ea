package org.semiont.cli.db;

import java.io.PrintWriter;
import java.util.List;
import org.semiont.schema.check.Finding;
import org.semiont.schema.migrate.MigrationDraft;
import org.semiont.schema.migrate.MigrationStatus;

/** Text output of the migrate verbs. */
final class MigrateReport {
    private MigrateReport() {
    }

    static void draft(PrintWriter out, MigrationDraft draft) {
        out.println("Changes:");
        draft.changes().forEach(c -> out.println("  - " + c));
        findings(out, "There might be data loss when this migration is deployed:", draft.warnings());
    }

    static void findings(PrintWriter out, String title, List<Finding> findings) {
        if (!findings.isEmpty()) {
            out.println(title);
            findings.forEach(f -> out.println("  • " + f.message()));
        }
    }

    static void status(PrintWriter out, MigrationStatus s) {
        out.println(s.applied().size() + " migration(s) applied.");
        list(out, "Pending (run 'semiont migrate deploy'):", s.pending());
        list(out, "Failed (fix the database, then 'semiont migrate resolve --rolled-back NAME' or '--applied NAME'):", s.failed());
        list(out, "Changed after they were applied (checksum mismatch; restore them from version control):", s.modified());
        list(out, "Applied but missing from the migrations directory:", s.missingLocally());
    }

    private static void list(PrintWriter out, String title, List<String> names) {
        if (!names.isEmpty()) {
            out.println(title);
            names.forEach(n -> out.println("  - " + n));
        }
    }
}

package org.semiont.cli.projections;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.semiont.cli.common.DatabaseOptions;
import org.semiont.cli.common.ExitCodes;
import org.semiont.server.document.DocumentFiles;
import org.semiont.server.projection.ProjectionMaintenance;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code semiont projections check}: compares the projections with a rebuild; exit 5 on drift. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Compare the projections (tables and JSON files) with a rebuild from the event log (nothing is changed). "
                + "Exit 0 = no drift, 5 = drift.")
public final class CheckCommand implements Callable<Integer> {
    static final int DRIFT = 5;
    private static final int SHOWN_FILES = 20;

    @Mixin
    DatabaseOptions db;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Maintenance m = Maintenance.open(db, "semiont projections check")) {
            List<ProjectionMaintenance.Drift> drift = m.maintenance().check();
            List<DocumentFiles.FileDrift> files = m.fileDrift();
            if (drift.isEmpty() && files.isEmpty()) {
                out.println("Projections (tables and JSON files) match a rebuild from the event log: no drift.");
                return ExitCodes.OK;
            }
            for (ProjectionMaintenance.Drift d : drift) {
                out.printf("drift in %s: %d rows now, %d after a rebuild; differing keys (first %d): %s%n", d.table(), d.rowsNow(),
                        d.rowsRebuilt(), d.differingKeys().size(), String.join(", ", d.differingKeys()));
            }
            if (!files.isEmpty()) {
                out.printf("drift in the JSON projection files: %d (first %d below)%n", files.size(), Math.min(files.size(), SHOWN_FILES));
                files.stream().limit(SHOWN_FILES).forEach(f -> out.printf("  %s %s%n", f.file(), f.problem()));
            }
            out.println("Fix with: semiont projections rebuild" + " --data-dir " + db.dataDirOptions().dataDir()
                    + (files.stream().anyMatch(f -> f.problem().startsWith("has no document"))
                    ? " (it leaves files of no document alone: remove those by hand)" : ""));
            return DRIFT;
        }
    }
}

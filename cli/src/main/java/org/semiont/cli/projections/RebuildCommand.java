package org.semiont.cli.projections;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.semiont.cli.common.DatabaseOptions;
import org.semiont.cli.common.ExitCodes;
import org.semiont.server.projection.ProjectionMaintenance;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code semiont projections rebuild [--document ID]}: replays the event log into the projections. */
@Command(name = "rebuild", mixinStandardHelpOptions = true,
        description = "Rebuild the projections from the event log (all, or one document). The server must be stopped.")
public final class RebuildCommand implements Callable<Integer> {
    @Option(names = "--document", paramLabel = "ID", description = "Rebuild only this document (doc-sha256:…).")
    String document;

    @Mixin
    DatabaseOptions db;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Maintenance m = Maintenance.open(db, "semiont projections rebuild")) {
            ProjectionMaintenance.RebuildResult r = document == null ? rebuildAll(m.maintenance(), err)
                    : m.maintenance().rebuildDocument(document);
            m.flushFiles();
            double perSecond = r.millis() == 0 ? r.events() : r.events() * 1000.0 / r.millis();
            out.printf("Rebuilt %s from %d events (log position %d) in %d ms (%.0f events/s).%n",
                    document == null ? "all projections" : document, r.events(), r.position(), r.millis(), perSecond);
            return ExitCodes.OK;
        }
    }

    private static ProjectionMaintenance.RebuildResult rebuildAll(ProjectionMaintenance maintenance, PrintWriter err) {
        ProgressBar bar = new ProgressBar(err, ProgressBar.stderrLooksLikeTerminal(), maintenance.logPosition(), System::nanoTime);
        ProjectionMaintenance.RebuildResult r = maintenance.rebuild(bar::update);
        bar.finish(r.events());
        return r;
    }
}

package org.semiont.cli.events;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.semiont.cli.common.DataDirOptions;
import org.semiont.events.EventLog;
import org.semiont.events.EventsException;
import org.semiont.events.imports.ImportReport;
import org.semiont.events.imports.OriginalImporter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code semiont events import DIR}: copy an original Semiont data directory's streams in, verified. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import the event streams of an original Semiont data directory (DIR/events/events/… or "
                + "DIR/events/…). Each stream is verified; streams with defects are refused, existing streams are "
                + "never overwritten.", "Exit codes: 0 imported, 6 some streams refused for defects, 1 failure."})
public final class EventsImportCommand implements Callable<Integer> {
    @Mixin
    DataDirOptions dataDir;

    @Parameters(index = "0", paramLabel = "DIR", description = "The original data directory.")
    Path source;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (EventLog log = EventLogs.openForWriting(dataDir.dataDir())) {
            ImportReport r = new OriginalImporter(log).importFrom(source.toAbsolutePath().normalize());
            r.skippedExisting().forEach(id -> out.println("SKIPPED " + id + ": already exists in the target, not overwritten"));
            r.refused().forEach(msg -> out.println("REFUSED " + msg));
            r.defects().forEach(d -> out.println(EventsVerifyCommand.describe(d)));
            r.warnings().forEach(d -> out.println("WARNING " + d.streamId() + " " + d.file() + " line " + d.line()
                    + ": torn final line not imported"));
            out.println("imported " + r.streamsImported() + " streams, " + r.eventsImported() + " events from "
                    + r.source() + "; skipped " + r.skippedExisting().size() + ", refused " + r.refused().size());
            out.flush();
            return r.clean() ? 0 : EventLogs.DEFECTS;
        } catch (EventsException e) {
            throw EventLogs.failure(e);
        }
    }
}

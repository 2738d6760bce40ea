package org.semiont.cli.events;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.semiont.cli.common.CliException;
import org.semiont.cli.common.DataDirOptions;
import org.semiont.cli.common.ExitCodes;
import org.semiont.events.Defect;
import org.semiont.events.EventLog;
import org.semiont.events.EventsException;
import org.semiont.events.VerifyReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code semiont events verify [--stream ID]}: checksums, chain links and sequences. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Verify checksums, hash links and sequence numbers of one stream or all streams.",
                "Exit codes: 0 clean, 6 defects found, 1 failure."})
public final class EventsVerifyCommand implements Callable<Integer> {
    @Mixin
    DataDirOptions dataDir;

    @Option(names = "--stream", paramLabel = "ID", description = "Verify only this stream.")
    String stream;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (EventLog log = EventLogs.openForReading(dataDir.dataDir())) {
            if (stream != null && log.readLatest(stream).isEmpty()) {
                throw new CliException(ExitCodes.FAILURE, "stream '" + stream + "' has no events in "
                        + log.eventsRoot() + "; run 'semiont events stats' to see what is there");
            }
            VerifyReport r = log.verify(stream);
            r.defects().forEach(d -> out.println(describe(d)));
            out.println(summary(r));
            out.flush();
            return r.clean() ? 0 : EventLogs.DEFECTS;
        } catch (EventsException e) {
            throw EventLogs.failure(e);
        }
    }

    static String describe(Defect d) {
        return "DEFECT " + d.kind() + ": stream " + d.streamId() + ", file " + d.file() + ", line " + d.line()
                + (d.sequence() > 0 ? ", sequence " + d.sequence() : "") + ": " + d.detail();
    }

    static String summary(VerifyReport r) {
        return String.format(Locale.ROOT, "verified %d streams, %d events, %.1f MB in %.3f s (%.1f MB/s, %.0f events/s): %s",
                r.streams(), r.events(), r.bytes() / 1e6, r.nanos() / 1e9, r.megabytesPerSecond(), r.eventsPerSecond(),
                r.clean() ? "clean" : r.defects().size() + " defect(s)");
    }
}

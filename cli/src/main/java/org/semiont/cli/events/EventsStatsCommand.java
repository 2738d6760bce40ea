package org.semiont.cli.events;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.semiont.cli.common.DataDirOptions;
import org.semiont.events.EventLog;
import org.semiont.events.EventsException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code semiont events stats}: streams, events, bytes, global position. */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Count streams, events and bytes of the event log (reads only the last file of each stream).")
public final class EventsStatsCommand implements Callable<Integer> {
    @Mixin
    DataDirOptions dataDir;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (EventLog log = EventLogs.openForReading(dataDir.dataDir())) {
            long streams = 0;
            long events = 0;
            String largest = null;
            long largestCount = 0;
            for (String id : log.streamIds()) {
                long n = log.count(id);
                streams++;
                events += n;
                if (n > largestCount) {
                    largest = id;
                    largestCount = n;
                }
            }
            out.println("events root:      " + log.eventsRoot());
            out.println("streams:          " + streams);
            out.println("events:           " + events);
            out.println("stream bytes:     " + bytes(log.eventsRoot(), true));
            out.println("global log bytes: " + bytes(log.eventsRoot().resolve(EventLog.GLOBAL_DIR), false));
            out.println("last position:    " + log.lastPosition());
            if (largest != null) {
                out.println("largest stream:   " + largest + " (" + largestCount + " events)");
            }
            out.flush();
            return 0;
        } catch (EventsException e) {
            throw EventLogs.failure(e);
        }
    }

    private static long bytes(Path root, boolean jsonlOnly) {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).filter(p -> !jsonlOnly || p.toString().endsWith(".jsonl"))
                    .mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot walk " + root, e);
        }
    }
}

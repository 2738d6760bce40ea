package org.semiont.cli.events;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.semiont.cli.common.CliException;
import org.semiont.cli.common.DataDirOptions;
import org.semiont.cli.common.ExitCodes;
import org.semiont.events.EventLog;
import org.semiont.events.EventsException;
import org.semiont.events.StoredEvent;
import org.semiont.events.commit.GlobalReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code semiont events tail [--stream ID] [--follow]}: print the last events as JSON lines. */
@Command(name = "tail", mixinStandardHelpOptions = true,
        description = "Print the last events (as stored JSON lines) of one stream or of the global log; "
                + "--follow keeps printing new ones until interrupted.")
public final class EventsTailCommand implements Callable<Integer> {
    private static final long POLL_MILLIS = 200;

    @Mixin
    DataDirOptions dataDir;

    @Option(names = "--stream", paramLabel = "ID", description = "Tail this stream (default: the global log).")
    String stream;

    @Option(names = {"-n", "--lines"}, paramLabel = "N", defaultValue = "10",
            description = "How many events to print first (default: ${DEFAULT-VALUE}).")
    int lines;

    @Option(names = {"-f", "--follow"}, description = "Keep printing events as they are appended.")
    boolean follow;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (lines < 0) {
            throw new CliException(ExitCodes.USAGE, "--lines must be >= 0, got " + lines);
        }
        PrintWriter out = spec.commandLine().getOut();
        try (EventLog log = EventLogs.openForReading(dataDir.dataDir())) {
            if (stream != null) {
                tailStream(log, out);
            } else {
                tailGlobal(log, out);
            }
            return 0;
        } catch (EventsException e) {
            throw EventLogs.failure(e);
        }
    }

    private void tailStream(EventLog log, PrintWriter out) {
        long next = Math.max(1, log.count(stream) - lines + 1);
        do {
            try (Stream<StoredEvent> s = log.readStream(stream, next)) {
                for (StoredEvent e : (Iterable<StoredEvent>) s::iterator) {
                    out.println(shown(e));
                    next = e.sequence() + 1;
                }
            }
            out.flush();
        } while (follow && pause());
    }

    private void tailGlobal(EventLog log, PrintWriter out) {
        long from = Math.max(1, log.lastPosition() - lines + 1);
        Path walDir = log.eventsRoot().resolve(EventLog.GLOBAL_DIR);
        try (GlobalReader r = new GlobalReader(walDir, from, () -> Long.MAX_VALUE)) {
            do {
                StoredEvent e;
                while ((e = r.next()) != null) {
                    out.println(shown(e));
                }
                out.flush();
            } while (follow && pause());
        }
    }

    private static boolean pause() {
        try {
            Thread.sleep(POLL_MILLIS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static final java.util.regex.Pattern PASSWORD_HASH = java.util.regex.Pattern.compile("(\"passwordHash\":\")[^\"]*(\")");

    /** The line as stored, but for password hashes: they are secrets of a kind, and terminals and logs keep what they show. */
    static String shown(org.semiont.events.StoredEvent e) {
        String line = e.lineJson();
        return line.contains("\"passwordHash\"") ? PASSWORD_HASH.matcher(line).replaceAll("$1[redacted]$2") : line;
    }
}

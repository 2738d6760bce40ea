package org.semiont.cli.events;

import java.nio.file.Path;
import org.semiont.cli.common.CliException;
import org.semiont.cli.common.DataDirOptions;
import org.semiont.cli.common.ExitCodes;
import org.semiont.events.EventLog;
import org.semiont.events.EventLogOptions;
import org.semiont.events.EventsException;

/** Opens the event log for a verb and turns its failures into CLI errors. */
final class EventLogs {
    static final int DEFECTS = 6;

    private EventLogs() {
    }

    /** Read-only: no lock, no recovery, safe while a server writes. */
    static EventLog openForReading(Path dataDir) {
        return open(DataDirOptions.requireExisting(dataDir), EventLogOptions.defaults().withReadOnly(true));
    }

    static EventLog openForWriting(Path dataDir) {
        return open(dataDir, EventLogOptions.defaults());
    }

    private static EventLog open(Path dataDir, EventLogOptions options) {
        try {
            return EventLog.open(dataDir, options);
        } catch (EventsException e) {
            throw failure(e);
        }
    }

    static CliException failure(EventsException e) {
        return new CliException(ExitCodes.FAILURE, e.getMessage() + " [" + e.error() + "]", e);
    }
}

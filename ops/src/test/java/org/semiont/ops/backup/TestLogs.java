package org.semiont.ops.backup;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.semiont.events.EventLog;
import org.semiont.events.EventLogOptions;
import org.semiont.events.ExpectedVersion;
import org.semiont.events.NewEvent;
import org.semiont.events.StoredEvent;
import org.semiont.events.commit.Syncer;

/** Event logs for tests: events one second apart from a fixed start, in a few streams. */
public final class TestLogs {
    public static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

    private TestLogs() {
    }

    /** A clock that moves one second per reading, from {@link #T0}. */
    public static Clock ticking() {
        AtomicLong n = new AtomicLong();
        return new Clock() {
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            public Instant instant() {
                return T0.plusSeconds(n.getAndIncrement());
            }
        };
    }

    public static EventLog open(Path dataDir, Clock clock) {
        return EventLog.open(dataDir, EventLogOptions.defaults().withSyncer(Syncer.NONE).withClock(clock).withEventsPerFile(7));
    }

    public static EventLog readOnly(Path dataDir) {
        return EventLog.open(dataDir, EventLogOptions.defaults().withReadOnly(true));
    }

    /** Appends {@code n} events, one per append, round-robin over three streams. */
    public static void append(EventLog log, int n) {
        for (int i = 0; i < n; i++) {
            String stream = "doc-sha256:" + "abcdef".charAt(i % 3) + "0".repeat(63);
            log.append(stream, ExpectedVersion.any(), NewEvent.of("document.created", stream, "user-1",
                    JsonNodeFactory.instance.objectNode().put("n", i)));
        }
    }

    public static List<String> lines(Path dataDir) {
        try (EventLog log = readOnly(dataDir); Stream<StoredEvent> all = log.readAll(1)) {
            List<String> out = new ArrayList<>();
            all.forEach(e -> out.add(e.position() + " " + e.streamId() + " " + e.lineJson()));
            return out;
        }
    }
}

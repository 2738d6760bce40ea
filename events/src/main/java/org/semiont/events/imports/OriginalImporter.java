package org.semiont.events.imports;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.semiont.events.Defect;
import org.semiont.events.EventLog;
import org.semiont.events.EventsError;
import org.semiont.events.EventsException;
import org.semiont.events.StreamIds;
import org.semiont.events.jsonl.EventLine;
import org.semiont.events.jsonl.StreamLayout;
import org.semiont.events.jsonl.StreamReader;
import org.semiont.events.jsonl.StreamVerifier;

/**
 * Brings streams from an original Semiont data directory into an {@link EventLog}. Each stream is
 * verified first; a stream with defects is refused whole, a stream that already exists in the
 * target is never touched, and copied lines keep their exact bytes (ids, timestamps, checksums).
 */
public final class OriginalImporter {
    private static final int BATCH = 1000;

    private final EventLog log;

    public OriginalImporter(EventLog log) {
        this.log = log;
    }

    /** Finds the events root: {@code DIR/events/events} (the original's doubled folder) or {@code DIR/events}. */
    public static Path sourceRoot(Path dataDir) {
        for (Path candidate : List.of(dataDir.resolve("events").resolve("events"), dataDir.resolve("events"))) {
            if (Files.isDirectory(candidate) && !new StreamLayout(candidate).streamIds().isEmpty()) {
                return candidate;
            }
        }
        throw new EventsException(EventsError.IMPORT_SOURCE_INVALID, dataDir + " is not an original Semiont data "
                + "directory: neither events/events/ nor events/ holds <ab>/<cd>/<streamId>/events-NNNNNN.jsonl "
                + "or __system__/; pass the directory that contains 'events'");
    }

    public ImportReport importFrom(Path dataDir) {
        Path root = sourceRoot(dataDir);
        StreamLayout source = new StreamLayout(root);
        Tally t = new Tally();
        for (String id : source.streamIds()) {
            importStream(source, id, t);
        }
        return new ImportReport(root.toString(), t.streams, t.events, t.existing, t.refused, t.defects, t.warnings);
    }

    private static final class Tally {
        int streams;
        long events;
        final List<String> existing = new ArrayList<>();
        final List<String> refused = new ArrayList<>();
        final List<Defect> defects = new ArrayList<>();
        final List<Defect> warnings = new ArrayList<>();
    }

    private void importStream(StreamLayout source, String id, Tally t) {
        try {
            StreamIds.validate(id);
        } catch (EventsException e) {
            t.refused.add(id + ": " + e.getMessage());
            return;
        }
        if (log.count(id) > 0) {
            t.existing.add(id);
            return;
        }
        List<Path> files = source.files(id);
        StreamVerifier.Result check = new StreamVerifier().verify(id, files, source.root());
        List<Defect> serious = new ArrayList<>();
        for (Defect d : check.defects()) {
            (d.kind() == Defect.Kind.TORN_TAIL ? t.warnings : serious).add(d);
        }
        if (!serious.isEmpty()) {
            t.refused.add(id + ": " + serious.size() + " defect(s); not imported");
            t.defects.addAll(serious);
            return;
        }
        t.events += copy(id, files);
        t.streams++;
    }

    private long copy(String id, List<Path> files) {
        long n = 0;
        StreamReader reader = new StreamReader(files, 1);
        try {
            List<EventLine> batch = new ArrayList<>(BATCH);
            while (reader.hasNext()) {
                batch.add(reader.next());
                if (batch.size() == BATCH) {
                    n += log.appendVerbatim(id, batch).size();
                    batch = new ArrayList<>(BATCH);
                }
            }
            if (!batch.isEmpty()) {
                n += log.appendVerbatim(id, batch).size();
            }
        } finally {
            reader.close();
        }
        return n;
    }
}

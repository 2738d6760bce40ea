package org.semiont.ops.archive;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.semiont.ops.OpsError;
import org.semiont.ops.OpsException;
import org.semiont.ops.backup.ManifestJson;
import org.semiont.ops.target.BackupTarget;

/** The archived segments of a target (those with a description), by log and first position. */
public final class ArchiveCatalog {
    private final List<ArchiveSegment> segments;

    private ArchiveCatalog(List<ArchiveSegment> segments) {
        this.segments = List.copyOf(segments);
    }

    public static ArchiveCatalog read(BackupTarget target) {
        List<ArchiveSegment> found = new ArrayList<>();
        try {
            for (String key : target.list(ArchiveSegment.ARCHIVE)) {
                if (key.endsWith("/" + ArchiveSegment.DESCRIPTION)) {
                    try (InputStream in = target.open(key)) {
                        found.add(ManifestJson.mapper().readValue(in.readAllBytes(), ArchiveSegment.class));
                    } catch (IOException e) {
                        // a description that cannot be read is a segment that does not exist; its events are in a later backup or lost
                    }
                }
            }
        } catch (IOException e) {
            throw new OpsException(OpsError.TARGET_IO, "cannot list the archive in " + target.describe() + ": " + e.getMessage(), e);
        }
        found.sort(Comparator.comparing(ArchiveSegment::logId).thenComparingLong(ArchiveSegment::first));
        return new ArchiveCatalog(found);
    }

    public List<ArchiveSegment> all() {
        return segments;
    }

    /** The last position archived for a log, if any. */
    public Optional<Long> end(String logId) {
        return segments.stream().filter(s -> Objects.equals(s.logId(), logId)).map(ArchiveSegment::last).max(Long::compare);
    }

    /**
     * The segments that continue log {@code logId} after {@code position} without a gap, in order: each starts at or
     * before the position after the one before it and ends after it.
     */
    public List<ArchiveSegment> continuing(String logId, long position) {
        List<ArchiveSegment> run = new ArrayList<>();
        long at = position;
        boolean extended = true;
        while (extended) {
            extended = false;
            ArchiveSegment best = null;
            for (ArchiveSegment s : segments) {
                if (Objects.equals(s.logId(), logId) && s.first() <= at + 1 && s.last() > at
                        && (best == null || s.last() > best.last())) {
                    best = s;
                }
            }
            if (best != null) {
                run.add(best);
                at = best.last();
                extended = true;
            }
        }
        return run;
    }
}

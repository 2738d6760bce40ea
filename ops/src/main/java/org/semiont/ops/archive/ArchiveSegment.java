package org.semiont.ops.archive;

import java.time.Instant;
import java.util.List;
import org.semiont.ops.backup.Manifest;

/**
 * A piece of the log shipped by continuous archiving: the events at positions {@code first..last} of log
 * {@code logId} in chunk files, and the content files that first appeared with them. Its description
 * ({@code segment.json}) is written after everything else, so a segment without one does not exist.
 */
public record ArchiveSegment(int format, String logId, long first, long last, Instant firstTime, Instant lastTime,
                             String lastChecksum, Instant shippedAt, List<Manifest.LogChunk> chunks,
                             List<Manifest.FileEntry> content) {
    public static final int FORMAT = 1;
    public static final String ARCHIVE = "archive/";
    static final String DESCRIPTION = "segment.json";

    public ArchiveSegment {
        chunks = List.copyOf(chunks);
        content = List.copyOf(content);
        if (last < first) {
            throw new IllegalArgumentException("segment " + first + ".." + last + " runs backwards");
        }
    }

    static String dir(String logId, long first) {
        return ARCHIVE + logId + "/" + String.format("%012d", first) + "/";
    }

    public String dir() {
        return dir(logId, first);
    }

    public String descriptionKey() {
        return dir() + DESCRIPTION;
    }

    /** Bytes of its chunks and content files. */
    public long bytes() {
        return chunks.stream().mapToLong(Manifest.LogChunk::size).sum() + content.stream().mapToLong(Manifest.FileEntry::size).sum();
    }
}

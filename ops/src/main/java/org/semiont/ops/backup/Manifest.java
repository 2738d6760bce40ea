package org.semiont.ops.backup;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.semiont.ops.snapshot.ProjectionSnapshot;

/**
 * What one backup holds, written last: a backup without its manifest does not exist. The log part of a backup is
 * the events after its parent's {@code lastPosition} up to its own; the content files it lists are every content
 * file a restore of it needs (they live once in the target's shared pool).
 *
 * @param streams             each stream's chain head at {@code log.lastPosition}: its last sequence and checksum
 * @param projectionSnapshot  the projection tables as they stood at one log position, or null (none taken; a manifest
 *                            written before snapshots existed)
 */
public record Manifest(int format, String id, String parent, Type type, Instant startedAt, Instant finishedAt,
                       String toolVersion, String logId, LogRange log, Map<String, Head> streams,
                       List<LogChunk> chunks, List<FileEntry> content, List<FileEntry> secrets,
                       @JsonInclude(JsonInclude.Include.NON_NULL) ProjectionSnapshot projectionSnapshot) {
    public static final int FORMAT = 1;

    public enum Type { FULL, INCREMENTAL }

    public Manifest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(log, "log");
        if ((type == Type.FULL) != (parent == null)) {
            throw new IllegalArgumentException("backup " + id + ": a full backup has no parent, an incremental has one");
        }
        streams = Map.copyOf(streams == null ? Map.of() : streams);
        chunks = List.copyOf(chunks == null ? List.of() : chunks);
        content = List.copyOf(content == null ? List.of() : content);
        secrets = List.copyOf(secrets == null ? List.of() : secrets);
        if (projectionSnapshot != null && projectionSnapshot.position() > log.lastPosition()) {
            throw new IllegalArgumentException("backup " + id + ": its projection snapshot is at position "
                    + projectionSnapshot.position() + ", after its log's end " + log.lastPosition());
        }
    }

    /** A manifest without a projection snapshot. */
    public Manifest(int format, String id, String parent, Type type, Instant startedAt, Instant finishedAt,
                    String toolVersion, String logId, LogRange log, Map<String, Head> streams,
                    List<LogChunk> chunks, List<FileEntry> content, List<FileEntry> secrets) {
        this(format, id, parent, type, startedAt, finishedAt, toolVersion, logId, log, streams, chunks, content, secrets, null);
    }

    /** Every file of the backup's own that a verify checks besides its log chunks: secrets and snapshot tables. */
    public List<FileEntry> snapshotFiles() {
        return projectionSnapshot == null ? List.of() : projectionSnapshot.tables().stream()
                .map(t -> new FileEntry(t.key(), t.size(), t.sha256())).toList();
    }

    /**
     * The log this backup adds: positions {@code firstPosition..lastPosition} ({@code firstPosition} is the
     * parent's last + 1; empty when equal to {@code lastPosition + 1}). {@code lastTime} and {@code lastChecksum} are
     * those of the event at {@code lastPosition} (null for an empty log).
     */
    public record LogRange(long firstPosition, long lastPosition, Instant lastTime, String lastChecksum) {
    }

    /** A stream's last sequence and checksum. */
    public record Head(long sequence, String checksum) {
    }

    /** A file of log records {@code position TAB streamId TAB line}, positions {@code first..last}. */
    public record LogChunk(String key, long first, long last, long size, String sha256) {
    }

    /** A content or secret file: its key in the target, size and SHA-256. */
    public record FileEntry(String key, long size, String sha256) {
    }

    /** Key of the manifest of backup {@code id}. */
    public static String key(String id) {
        return Layout.backupDir(id) + "manifest.json";
    }

    /** Bytes a restore reads for this backup's own part (log chunks and secrets; content is shared). */
    public long ownBytes() {
        return chunks.stream().mapToLong(LogChunk::size).sum() + secrets.stream().mapToLong(FileEntry::size).sum()
                + (projectionSnapshot == null ? 0 : projectionSnapshot.bytes());
    }

    public long contentBytes() {
        return content.stream().mapToLong(FileEntry::size).sum();
    }
}

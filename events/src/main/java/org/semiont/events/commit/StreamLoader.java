package org.semiont.events.commit;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.semiont.events.EventsError;
import org.semiont.events.EventsException;
import org.semiont.events.jsonl.EventLine;
import org.semiont.events.jsonl.FileTail;
import org.semiont.events.jsonl.LineCodec;
import org.semiont.events.jsonl.LineFormatException;
import org.semiont.events.jsonl.LineReader;
import org.semiont.events.jsonl.StreamLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an appender needs to know about a stream, read from its files. On first touch only the last line is read
 * (version and last checksum), so touching a stream costs the same at ten events as at ten million; its ids are
 * read ({@link #loadIds}) only when an append brings ids of its own to check. A torn final line (no newline: a
 * write cut by a crash) is reported and cut off; nothing else is changed. {@code semiont events verify} checks
 * every line; {@link #check} does here, for streams adopted into a new global log.
 */
final class StreamLoader {
    private static final Logger LOG = LoggerFactory.getLogger(StreamLoader.class);

    private final StreamLayout layout;
    private final LineCodec codec = new LineCodec();
    private final Syncer syncer;

    StreamLoader(StreamLayout layout, Syncer syncer) {
        this.layout = layout;
        this.syncer = syncer;
    }

    /** Version and last checksum from the stream's last line; call with no append to the stream in flight. */
    void load(StreamState s) {
        s.version = 0;
        s.lastHash = null;
        s.ids.clear();
        s.idsLoaded = false;
        try {
            List<Path> files = layout.files(s.streamId);
            for (int i = files.size() - 1; i >= 0; i--) {
                Path file = files.get(i);
                FileTail.Tail tail = FileTail.read(file);
                if (tail.torn()) {
                    if (i != files.size() - 1) {
                        throw corrupt(s.streamId, file,
                                "ends with an unterminated line but is not the stream's last file");
                    }
                    cutTornTail(file, tail.completeEnd(), tail.size() - tail.completeEnd());
                }
                if (tail.lastLine() != null) {
                    EventLine last = parse(s.streamId, file, "its last line", tail.lastLine());
                    s.version = last.sequence();
                    s.lastHash = last.checksum();
                    break;
                }
            }
            s.loaded = true;
        } catch (IOException e) {
            throw new EventsException(EventsError.IO_FAILURE, "cannot read stream '" + s.streamId + "': " + e, e);
        }
    }

    /**
     * Reads the ids of every event in the stream's files into {@code s.ids}, under the stream's lock. Appends
     * queued before may still be on their way into the files: their ids were generated (an append with ids of its
     * own loads the ids first, and they stay loaded), so no caller can know them, and a line cut short by such a
     * write is skipped, not repaired.
     */
    void loadIds(StreamState s) {
        s.ids.clear();
        scan(s.streamId, s.ids, false);
        s.idsLoaded = true;
    }

    /** Reads every line, checking that sequences run from 1 without a gap; cuts a torn final line. */
    void check(String streamId) {
        scan(streamId, null, true);
    }

    private void scan(String streamId, EventIds ids, boolean repair) {
        try {
            List<Path> files = layout.files(streamId);
            long version = 0;
            for (int i = 0; i < files.size(); i++) {
                version = readFile(streamId, files.get(i), i == files.size() - 1, repair, version, ids);
            }
        } catch (IOException e) {
            throw new EventsException(EventsError.IO_FAILURE, "cannot read stream '" + streamId + "': " + e, e);
        }
    }

    private long readFile(String streamId, Path file, boolean last, boolean repair, long version, EventIds ids)
            throws IOException {
        long v = version;
        try (LineReader r = new LineReader(file)) {
            byte[] bytes;
            while ((bytes = r.next()) != null) {
                if (!r.complete()) {
                    if (!last) {
                        throw corrupt(streamId, file, "line " + r.lineNumber()
                                + " is unterminated but the file is not the stream's last");
                    }
                    if (repair) {
                        cutTornTail(file, r.lineOffset(), bytes.length);
                    }
                    return v;
                }
                EventLine line = parse(streamId, file, "line " + r.lineNumber(), bytes);
                if (line.sequence() != v + 1) {
                    throw corrupt(streamId, file, "line " + r.lineNumber() + " has sequence " + line.sequence() + " where "
                            + (v + 1) + " was expected");
                }
                v = line.sequence();
                String id = ids == null ? null : codec.header(line).id();
                if (id != null) {
                    ids.put(id, v);
                }
            }
        }
        return v;
    }

    private EventLine parse(String streamId, Path file, String where, byte[] bytes) {
        try {
            return codec.parse(bytes);
        } catch (LineFormatException e) {
            throw corrupt(streamId, file, where + " cannot be read: " + e.getMessage());
        }
    }

    private void cutTornTail(Path file, long offset, long length) throws IOException {
        LOG.warn("event file {} ends with a torn line of {} bytes at offset {}; truncating it", file, length, offset);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(offset);
            syncer.sync(ch);
        }
    }

    private static EventsException corrupt(String streamId, Path file, String what) {
        return new EventsException(EventsError.CORRUPT_LOG, "stream '" + streamId + "' cannot take appends: "
                + file.getFileName() + " " + what + "; run 'semiont events verify --stream " + streamId
                + "' and restore the stream from a backup");
    }
}

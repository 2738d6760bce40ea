package org.semiont.events.commit;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.semiont.events.EventsError;
import org.semiont.events.EventsException;
import org.semiont.events.jsonl.EventLine;
import org.semiont.events.jsonl.LineCodec;
import org.semiont.events.jsonl.LineFormatException;
import org.semiont.events.jsonl.LineReader;
import org.semiont.events.jsonl.StreamLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a stream once, on first touch, to learn its version, last checksum and ids. A torn final
 * line (no newline: a write cut by a crash) is reported and cut off; nothing else is changed.
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

    void load(StreamState s) {
        s.version = 0;
        s.lastHash = null;
        s.ids.clear();
        try {
            List<Path> files = layout.files(s.streamId);
            for (int i = 0; i < files.size(); i++) {
                readFile(s, files.get(i), i == files.size() - 1);
            }
            s.loaded = true;
        } catch (IOException e) {
            throw new EventsException(EventsError.IO_FAILURE, "cannot read stream '" + s.streamId + "': " + e, e);
        }
    }

    private void readFile(StreamState s, Path file, boolean last) throws IOException {
        try (LineReader r = new LineReader(file)) {
            byte[] bytes;
            while ((bytes = r.next()) != null) {
                if (!r.complete()) {
                    if (last) {
                        cutTornTail(file, r.lineOffset(), bytes.length);
                        return;
                    }
                    throw corrupt(s, file, r.lineNumber(), "an unterminated line before the last file");
                }
                take(s, file, r.lineNumber(), bytes);
            }
        }
    }

    private void take(StreamState s, Path file, long lineNo, byte[] bytes) {
        EventLine line;
        try {
            line = codec.parse(bytes);
        } catch (LineFormatException e) {
            throw corrupt(s, file, lineNo, e.getMessage());
        }
        if (line.sequence() != s.version + 1) {
            throw corrupt(s, file, lineNo, "sequence " + line.sequence() + " where " + (s.version + 1) + " was expected");
        }
        s.version = line.sequence();
        s.lastHash = line.checksum();
        String id = codec.header(line).id();
        if (id != null) {
            s.ids.put(id, line.sequence());
        }
    }

    private void cutTornTail(Path file, long offset, int length) throws IOException {
        LOG.warn("event file {} ends with a torn line of {} bytes at offset {}; truncating it", file, length, offset);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(offset);
            syncer.sync(ch);
        }
    }

    private static EventsException corrupt(StreamState s, Path file, long lineNo, String what) {
        return new EventsException(EventsError.CORRUPT_LOG, "stream '" + s.streamId + "' cannot take appends: "
                + file.getFileName() + " line " + lineNo + " has " + what
                + "; run 'semiont events verify --stream " + s.streamId + "' and restore the stream from a backup");
    }
}

package org.semiont.events.jsonl;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Iterates a stream's lines from a sequence number, file by file, never holding more than one
 * line. Files before the one holding {@code fromSequence} are skipped by peeking at their
 * successor's first line. A torn last line is not returned.
 */
public final class StreamReader implements Iterator<EventLine>, Closeable {
    private final List<Path> files;
    private final long fromSequence;
    private final LineCodec codec = new LineCodec();
    private int fileIndex;
    private LineReader reader;
    private EventLine next;

    public StreamReader(List<Path> files, long fromSequence) {
        this.files = files;
        this.fromSequence = Math.max(1, fromSequence);
        this.fileIndex = firstFile();
    }

    private int firstFile() {
        int i = 0;
        while (i + 1 < files.size() && firstSequence(files.get(i + 1)) <= fromSequence) {
            i++;
        }
        return i;
    }

    private long firstSequence(Path file) {
        try (LineReader r = new LineReader(file)) {
            byte[] b = r.next();
            return b == null || !r.complete() ? Long.MAX_VALUE : codec.parse(b).sequence();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (LineFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    @Override
    public boolean hasNext() {
        try {
            while (next == null) {
                if (reader == null) {
                    if (fileIndex >= files.size()) {
                        return false;
                    }
                    reader = new LineReader(files.get(fileIndex++));
                }
                byte[] b = reader.next();
                if (b == null || !reader.complete()) {
                    reader.close();
                    reader = null;
                    continue;
                }
                EventLine line = parse(b);
                if (line.sequence() >= fromSequence) {
                    next = line;
                }
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + files.get(fileIndex - 1), e);
        }
    }

    private EventLine parse(byte[] b) {
        try {
            return codec.parse(b);
        } catch (LineFormatException e) {
            throw new IllegalStateException(files.get(fileIndex - 1).getFileName() + " line "
                    + reader.lineNumber() + " is malformed (" + e.getMessage() + "); run 'semiont events verify'", e);
        }
    }

    @Override
    public EventLine next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        EventLine l = next;
        next = null;
        return l;
    }

    @Override
    public void close() {
        if (reader != null) {
            try {
                reader.close();
            } catch (IOException ignored) {
                // read-only handle
            }
            reader = null;
        }
    }
}

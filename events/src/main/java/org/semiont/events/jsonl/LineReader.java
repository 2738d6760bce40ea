package org.semiont.events.jsonl;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Streams the lines of a file as byte arrays (copies) without loading the file, through a {@link LineWindow} of
 * 64 kB. A last line without a newline is returned with {@link #complete()} false: in our files that is a torn write.
 */
public final class LineReader implements Closeable {
    private final LineWindow window;

    public LineReader(Path file) throws IOException {
        this.window = new LineWindow(Files.newInputStream(file), 1 << 16);
    }

    /** The next line without its newline, or null at the end of the file. */
    public byte[] next() throws IOException {
        return window.next() ? Arrays.copyOfRange(window.buffer(), window.start(), window.end()) : null;
    }

    /** Whether the line last returned ended with a newline. */
    public boolean complete() {
        return window.complete();
    }

    /** 1-based number of the line last returned. */
    public long lineNumber() {
        return window.lineNumber();
    }

    /** Byte offset where the line last returned starts. */
    public long lineOffset() {
        return window.offset();
    }

    @Override
    public void close() throws IOException {
        window.close();
    }
}

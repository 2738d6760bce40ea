package org.semiont.events.jsonl;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Streams the lines of a file as byte arrays without loading the file. A last line without a
 * newline is returned with {@link #complete()} false: in our files that is a torn write.
 */
public final class LineReader implements Closeable {
    private final InputStream in;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int limit;
    private long offset;
    private long lineOffset;
    private long lineNumber;
    private boolean complete = true;

    public LineReader(Path file) throws IOException {
        this.in = Files.newInputStream(file);
    }

    /** The next line without its newline, or null at the end of the file. */
    public byte[] next() throws IOException {
        byte[] acc = null;
        int accLen = 0;
        lineOffset = offset;
        while (true) {
            if (pos == limit && !fill()) {
                if (acc == null) {
                    return null;
                }
                complete = false;
                lineNumber++;
                return Arrays.copyOf(acc, accLen);
            }
            int nl = indexOfNewline();
            int end = nl >= 0 ? nl : limit;
            int n = end - pos;
            if (acc == null && nl >= 0) {
                byte[] line = Arrays.copyOfRange(buf, pos, end);
                consume(n + 1);
                return finish(line);
            }
            acc = append(acc, accLen, buf, pos, n);
            accLen += n;
            consume(nl >= 0 ? n + 1 : n);
            if (nl >= 0) {
                return finish(Arrays.copyOf(acc, accLen));
            }
        }
    }

    private byte[] finish(byte[] line) {
        complete = true;
        lineNumber++;
        return line;
    }

    private void consume(int n) {
        pos += n;
        offset += n;
    }

    private int indexOfNewline() {
        for (int i = pos; i < limit; i++) {
            if (buf[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static byte[] append(byte[] acc, int accLen, byte[] src, int from, int n) {
        byte[] out = acc == null ? new byte[Math.max(n, 1024)] : acc;
        if (accLen + n > out.length) {
            out = Arrays.copyOf(out, Math.max(out.length * 2, accLen + n));
        }
        System.arraycopy(src, from, out, accLen, n);
        return out;
    }

    private boolean fill() throws IOException {
        int n = in.read(buf);
        if (n <= 0) {
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }

    /** Whether the line last returned ended with a newline. */
    public boolean complete() {
        return complete;
    }

    /** 1-based number of the line last returned. */
    public long lineNumber() {
        return lineNumber;
    }

    /** Byte offset where the line last returned starts. */
    public long lineOffset() {
        return lineOffset;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}

package org.semiont.events.jsonl;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Lines of a byte stream located in a large reused buffer, without copying them: after {@link #next()} the line is
 * {@code buffer()[start(), end())}, valid until the next call. Reads in blocks of {@code 1 MB} (the buffer grows for a
 * longer line) and finds newlines eight bytes at a time. A last line without a newline comes back with
 * {@link #complete()} false: in our files that is a torn write.
 */
public final class LineWindow implements Closeable {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0a0a0a0a0a0a0a0aL;
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private final InputStream in;
    private byte[] buf;
    private int pos;
    private int limit;
    /** Offset in the stream of {@code buf[0]}. */
    private long bufferOffset;
    private int start;
    private int end;
    private boolean eof;
    private boolean complete = true;
    private long lineNumber;

    public LineWindow(InputStream in) {
        this(in, 1 << 20);
    }

    public LineWindow(InputStream in, int blockBytes) {
        this(in, new byte[Math.max(16, blockBytes)]);
    }

    /** Reads into {@code buffer} (a caller's, reused from file to file; {@link #buffer()} is the grown one after a long line). */
    public LineWindow(InputStream in, byte[] buffer) {
        this.in = in;
        this.buf = buffer;
    }

    /** The lines of bytes already in memory: read in place, no copy. */
    public static LineWindow over(byte[] bytes) {
        LineWindow w = new LineWindow(InputStream.nullInputStream(), bytes);
        w.limit = bytes.length;
        w.eof = true;
        return w;
    }

    /** Moves to the next line; false at the end. */
    public boolean next() throws IOException {
        int scanFrom = pos;
        while (true) {
            int nl = indexOfNewline(buf, scanFrom, limit);
            if (nl >= 0) {
                return line(pos, nl, nl + 1, true);
            }
            if (eof) {
                return pos < limit && line(pos, limit, limit, false);
            }
            scanFrom = limit - pos;
            fill();
        }
    }

    private boolean line(int from, int to, int nextPos, boolean withNewline) {
        start = from;
        end = to;
        pos = nextPos;
        complete = withNewline;
        lineNumber++;
        return true;
    }

    /** Keeps the unread bytes, at the buffer's start, and reads more after them (growing the buffer when full). */
    private void fill() throws IOException {
        int kept = limit - pos;
        bufferOffset += pos;
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, kept);
        } else if (kept == buf.length) {
            buf = java.util.Arrays.copyOf(buf, buf.length * 2);
        }
        pos = 0;
        limit = kept;
        while (limit < buf.length) {
            int n = in.read(buf, limit, buf.length - limit);
            if (n < 0) {
                eof = true;
                return;
            }
            limit += n;
            if (n == 0) {
                return;
            }
        }
    }

    /** Index of the first {@code '\n'} in {@code b[from, to)}, or -1. */
    public static int indexOfNewline(byte[] b, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long x = (long) LONGS.get(b, i) ^ NEWLINES;
            long found = (x - ONES) & ~x & HIGHS;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    public byte[] buffer() {
        return buf;
    }

    public int start() {
        return start;
    }

    public int end() {
        return end;
    }

    public int length() {
        return end - start;
    }

    /** Offset in the stream where the current line starts. */
    public long offset() {
        return bufferOffset + start;
    }

    /** Whether the current line ended with a newline. */
    public boolean complete() {
        return complete;
    }

    /** 1-based number of the current line. */
    public long lineNumber() {
        return lineNumber;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}

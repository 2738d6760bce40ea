package org.semiont.ops.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.semiont.events.jsonl.LineWindow;

/**
 * Reads the records of a log chunk ({@code position TAB streamId TAB line NEWLINE}) one at a time, located in a large
 * reused buffer: {@link #advance()} moves to the next record without copying its line ({@link #buffer()},
 * {@link #lineStart()}, {@link #lineEnd()}), {@link #next()} returns it as a {@link LogRecord}.
 */
public final class LogRecordReader implements AutoCloseable {
    private final LineWindow window;
    private long lineNo;
    private long position;
    private String streamId;
    private int lineStart;

    public LogRecordReader(InputStream in) {
        this.window = new LineWindow(in);
    }

    /** The records of a chunk already in memory, read in place. */
    public LogRecordReader(byte[] chunk) {
        this.window = LineWindow.over(chunk);
    }

    /** The next record, or null at the end; throws {@link MalformedRecord} for a record that cannot be read. */
    public LogRecord next() throws IOException {
        return advance() ? new LogRecord(position, streamId, Arrays.copyOfRange(window.buffer(), lineStart, window.end())) : null;
    }

    /** Moves to the next record; false at the end; throws {@link MalformedRecord} for a record that cannot be read. */
    public boolean advance() throws IOException {
        if (!window.next()) {
            return false;
        }
        lineNo++;
        if (!window.complete()) {
            throw new MalformedRecord(lineNo, "the last record has no newline (the file was cut short)");
        }
        byte[] b = window.buffer();
        int end = window.end();
        int t1 = indexOf(b, window.start(), end);
        int t2 = t1 < 0 ? -1 : indexOf(b, t1 + 1, end);
        if (t2 < 0) {
            throw new MalformedRecord(lineNo, "a record without its position and stream");
        }
        position = position(b, window.start(), t1);
        streamId = sameStream(b, t1 + 1, t2) ? streamId : new String(b, t1 + 1, t2 - t1 - 1, StandardCharsets.UTF_8);
        lineStart = t2 + 1;
        return true;
    }

    /** Whether the stream of this record is the previous record's (runs of one stream are common): no new string then. */
    private boolean sameStream(byte[] b, int from, int to) {
        String s = streamId;
        if (s == null || s.length() != to - from) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch >= 0x80 || ch != b[from + i]) {
                return false;
            }
        }
        return true;
    }

    /** Digits alone are read here; anything else the way {@link Long#parseLong} reads it. */
    private long position(byte[] b, int from, int to) {
        if (to > from && to - from <= 18) {
            long n = 0;
            int i = from;
            for (; i < to && b[i] >= '0' && b[i] <= '9'; i++) {
                n = n * 10 + (b[i] - '0');
            }
            if (i == to) {
                return n;
            }
        }
        try {
            return Long.parseLong(new String(b, from, to - from, StandardCharsets.US_ASCII));
        } catch (NumberFormatException e) {
            throw new MalformedRecord(lineNo, "a record whose position is not a number");
        }
    }

    private static int indexOf(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == '\t') {
                return i;
            }
        }
        return -1;
    }

    /** The number of the record last read (from 1). */
    public long lineNo() {
        return lineNo;
    }

    /** The current record's position. */
    public long position() {
        return position;
    }

    /** The current record's stream. */
    public String streamId() {
        return streamId;
    }

    /** The buffer holding the current record's line, valid until the next call. */
    public byte[] buffer() {
        return window.buffer();
    }

    public int lineStart() {
        return lineStart;
    }

    public int lineEnd() {
        return window.end();
    }

    @Override
    public void close() throws IOException {
        window.close();
    }

    /** A record that cannot be read. */
    public static final class MalformedRecord extends RuntimeException {
        private final long lineNo;

        MalformedRecord(long lineNo, String message) {
            super(message);
            this.lineNo = lineNo;
        }

        public long lineNo() {
            return lineNo;
        }
    }
}

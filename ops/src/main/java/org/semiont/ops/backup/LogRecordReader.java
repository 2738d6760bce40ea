package org.semiont.ops.backup;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Reads the records of a log chunk ({@code position TAB streamId TAB line NEWLINE}) one at a time. */
public final class LogRecordReader implements AutoCloseable {
    private final InputStream in;
    private final ByteArrayOutputStream buf = new ByteArrayOutputStream(1024);
    private long lineNo;

    public LogRecordReader(InputStream in) {
        this.in = new BufferedInputStream(in, 1 << 16);
    }

    /** The next record, or null at the end; throws {@link MalformedRecord} for a record that cannot be read. */
    public LogRecord next() throws IOException {
        buf.reset();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            buf.write(b);
        }
        if (b < 0 && buf.size() == 0) {
            return null;
        }
        lineNo++;
        if (b < 0) {
            throw new MalformedRecord(lineNo, "the last record has no newline (the file was cut short)");
        }
        return parse(buf.toByteArray());
    }

    private LogRecord parse(byte[] bytes) {
        int t1 = indexOf(bytes, 0);
        int t2 = t1 < 0 ? -1 : indexOf(bytes, t1 + 1);
        if (t2 < 0) {
            throw new MalformedRecord(lineNo, "a record without its position and stream");
        }
        long position;
        try {
            position = Long.parseLong(new String(bytes, 0, t1, StandardCharsets.US_ASCII));
        } catch (NumberFormatException e) {
            throw new MalformedRecord(lineNo, "a record whose position is not a number");
        }
        String stream = new String(bytes, t1 + 1, t2 - t1 - 1, StandardCharsets.UTF_8);
        return new LogRecord(position, stream, Arrays.copyOfRange(bytes, t2 + 1, bytes.length));
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
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

    @Override
    public void close() throws IOException {
        in.close();
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

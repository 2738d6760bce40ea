package org.semiont.events.commit;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads one log segment record by record from a byte offset. Stops (returns null) at the end of
 * the file, at the zeros the writer lays down ahead of its records (an all-zero header), at a
 * partial record or at a checksum mismatch without consuming it, so a live reader can call
 * {@link #next()} again once more has been written.
 */
final class WalScanner implements Closeable {
    private static final int MAX_RECORD = 64 << 20;

    private final FileChannel channel;
    private byte[] window = new byte[1 << 17];
    private long windowStart;
    private int windowLen;
    private long offset;
    private boolean damaged;
    /** Whether the current call read from the file, rather than only from the window. */
    private boolean readFromFile;

    WalScanner(Path segment, long offset) throws IOException {
        this.channel = FileChannel.open(segment, StandardOpenOption.READ);
        this.offset = offset;
        this.windowStart = offset;
    }

    /** The next complete, intact record, or null. */
    WalRecord next() throws IOException {
        return next(true);
    }

    /** Like {@link #next()}, but without copying the line (for structural checks). */
    WalRecord nextHeader() throws IOException {
        return next(false);
    }

    private WalRecord next(boolean withLine) throws IOException {
        damaged = false;
        readFromFile = false;
        WalRecord r = read(withLine);
        if (r == null && !readFromFile) {
            // zeros or a partial record seen in bytes read earlier may since have been written over: look again
            dropUnreadWindow();
            damaged = false;
            r = read(withLine);
        }
        if (r == null) {
            dropUnreadWindow();
        }
        return r;
    }

    private void dropUnreadWindow() {
        windowLen = (int) (offset - windowStart);
    }

    private WalRecord read(boolean withLine) throws IOException {
        if (!ensure(WalRecord.HEADER)) {
            return null;
        }
        int rel = (int) (offset - windowStart);
        ByteBuffer head = ByteBuffer.wrap(window, rel, WalRecord.HEADER);
        int len = head.getInt();
        int crc = head.getInt();
        if (len == 0 && crc == 0) {
            return null; // preallocated space: the end of the data
        }
        if (len <= 0 || len > MAX_RECORD) {
            damaged = true;
            return null;
        }
        if (!ensure(WalRecord.HEADER + len)) {
            return null;
        }
        rel = (int) (offset - windowStart);
        WalRecord r = WalRecord.decode(window, rel + WalRecord.HEADER, len, crc, withLine);
        if (r == null) {
            damaged = true;
            return null;
        }
        offset += WalRecord.HEADER + len;
        return r;
    }

    /** Whether the segment holds nothing but zeros from {@code from} to its end (space laid down ahead of records). */
    boolean onlyZerosFrom(long from) throws IOException {
        return onlyZeros(channel, from);
    }

    static boolean onlyZeros(FileChannel ch, long from) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(1 << 16);
        long at = from;
        long size = ch.size();
        while (at < size) {
            b.clear();
            int n = ch.read(b, at);
            if (n <= 0) {
                break;
            }
            byte[] a = b.array();
            for (int i = 0; i < n; i++) {
                if (a[i] != 0) {
                    return false;
                }
            }
            at += n;
        }
        return true;
    }

    /** Makes {@code n} bytes from {@link #offset} available in the window; false if the file is shorter. */
    private boolean ensure(int n) throws IOException {
        long have = windowStart + windowLen - offset;
        if (have >= n) {
            return true;
        }
        if (window.length < n) {
            window = new byte[Math.max(n, window.length * 2)];
        }
        windowStart = offset;
        windowLen = 0;
        readFromFile = true;
        ByteBuffer bb = ByteBuffer.wrap(window);
        while (bb.hasRemaining()) {
            int r = channel.read(bb, windowStart + bb.position());
            if (r <= 0) {
                break;
            }
        }
        windowLen = bb.position();
        return windowLen >= n;
    }

    /** Offset just after the last record returned. */
    long offset() {
        return offset;
    }

    /** Whether the last null came from a bad length or checksum rather than the end of data. */
    boolean damaged() {
        return damaged;
    }

    long size() throws IOException {
        return channel.size();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}

package org.semiont.events.commit;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Appends batches of records to the current log segment; used only by the commit thread.
 *
 * <p>The segment is extended with zeros ahead of the records, and that space made durable, before records go into
 * it: an fsync after an append that grew the file must also commit the file's new size (a file-system journal
 * commit, a second write to the disk), while one after overwriting space that is already there writes the data
 * alone. Readers take an all-zero record header for the end of the data. The space grows in steps that double up
 * to {@link #MAX_STEP}, so a small log stays small.
 */
final class WalWriter implements Closeable {
    static final int MIN_STEP = 64 << 10;
    /** Bounds the pause of the append that lays the zeros down (about 2 ms for 1 MB with its fsync, here). */
    static final int MAX_STEP = 1 << 20;
    private static final ByteBuffer ZEROS = ByteBuffer.allocateDirect(1 << 20);
    private final Path dir;
    private final long segmentBytes;
    private final Syncer syncer;
    private FileChannel channel;
    private long segmentFirst;
    private long offset;
    private boolean dirNeedsSync;
    /** Bytes of the segment that exist on disk (records, then zeros). */
    private long allocated;
    private ByteBuffer buffer = ByteBuffer.allocate(1 << 20);

    WalWriter(Path dir, long segmentBytes, Syncer syncer) {
        this.dir = dir;
        this.segmentBytes = segmentBytes;
        this.syncer = syncer;
    }

    /**
     * Opens the segment starting at {@code first} and cuts anything after {@code validEnd} but zeros: bytes of an
     * append that never completed would otherwise lie beyond the zeros the next records stop at.
     */
    void openAt(long first, long validEnd) throws IOException {
        Files.createDirectories(dir);
        Path p = WalSegments.path(dir, first);
        dirNeedsSync = !Files.exists(p);
        channel = FileChannel.open(p, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
        if (channel.size() > validEnd && !WalScanner.onlyZeros(channel, validEnd)) {
            channel.truncate(validEnd);
            syncer.sync(channel);
        }
        segmentFirst = first;
        offset = validEnd;
        allocated = channel.size();
    }

    /** Writes the batch (not yet durable); starts a new segment first when the current one is full. */
    void write(List<WalRecord> records) throws IOException {
        if (records.isEmpty()) {
            return;
        }
        if (offset >= segmentBytes) {
            roll(records.get(0).position());
        }
        buffer.clear();
        for (WalRecord r : records) {
            int size = r.encodedSize();
            if (buffer.remaining() < size) {
                flushBuffer();
                if (buffer.capacity() < size) {
                    buffer = ByteBuffer.allocate(size);
                }
            }
            r.encode(buffer);
        }
        flushBuffer();
    }

    private void flushBuffer() throws IOException {
        preallocate(offset + buffer.position());
        buffer.flip();
        while (buffer.hasRemaining()) {
            offset += channel.write(buffer, offset);
        }
        buffer.clear();
    }

    /**
     * Makes sure the segment holds at least {@code end} bytes, zeros past the records, and durably so. Stops at the
     * segment size: a batch that crosses it extends the file as it is written, and the next batch starts a new one.
     */
    private void preallocate(long end) throws IOException {
        if (end <= allocated || end > segmentBytes) {
            return;
        }
        long step = Math.max(MIN_STEP, Math.min(MAX_STEP, allocated));
        long target = Math.min(segmentBytes, Math.max(end, allocated + step));
        long at = Math.max(allocated, offset);
        while (at < target) {
            ByteBuffer z = ZEROS.duplicate();
            z.limit((int) Math.min(z.capacity(), target - at));
            at += channel.write(z, at);
        }
        syncer.sync(channel);
        allocated = target;
    }

    private void roll(long firstPosition) throws IOException {
        syncer.sync(channel);
        channel.close();
        channel = FileChannel.open(WalSegments.path(dir, firstPosition), StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE);
        segmentFirst = firstPosition;
        offset = 0;
        allocated = 0;
        dirNeedsSync = true;
    }

    /** Makes everything written so far durable (and the segment's directory entry, if new). */
    void force() throws IOException {
        syncer.sync(channel);
        if (dirNeedsSync) {
            syncer.syncDirectory(dir);
            dirNeedsSync = false;
        }
    }

    long segmentFirst() {
        return segmentFirst;
    }

    long offset() {
        return offset;
    }

    @Override
    public void close() throws IOException {
        if (channel != null) {
            channel.close();
        }
    }
}

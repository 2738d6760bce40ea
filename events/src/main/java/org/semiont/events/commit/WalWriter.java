package org.semiont.events.commit;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/** Appends batches of records to the current log segment; used only by the commit thread. */
final class WalWriter implements Closeable {
    private final Path dir;
    private final long segmentBytes;
    private final Syncer syncer;
    private FileChannel channel;
    private long segmentFirst;
    private long offset;
    private boolean dirNeedsSync;
    private ByteBuffer buffer = ByteBuffer.allocate(1 << 20);

    WalWriter(Path dir, long segmentBytes, Syncer syncer) {
        this.dir = dir;
        this.segmentBytes = segmentBytes;
        this.syncer = syncer;
    }

    /** Opens the segment starting at {@code first} and cuts anything after {@code validEnd}. */
    void openAt(long first, long validEnd) throws IOException {
        Files.createDirectories(dir);
        Path p = WalSegments.path(dir, first);
        dirNeedsSync = !Files.exists(p);
        channel = FileChannel.open(p, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        if (channel.size() > validEnd) {
            channel.truncate(validEnd);
            syncer.sync(channel);
        }
        segmentFirst = first;
        offset = validEnd;
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
        buffer.flip();
        while (buffer.hasRemaining()) {
            offset += channel.write(buffer, offset);
        }
        buffer.clear();
    }

    private void roll(long firstPosition) throws IOException {
        syncer.sync(channel);
        channel.close();
        channel = FileChannel.open(WalSegments.path(dir, firstPosition), StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE);
        segmentFirst = firstPosition;
        offset = 0;
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

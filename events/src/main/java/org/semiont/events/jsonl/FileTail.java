package org.semiont.events.jsonl;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The end of a line file, read backwards: where its complete lines end and what its last complete line is.
 * Costs the length of that line (and of a torn tail after it), never the length of the file.
 */
public final class FileTail {
    private static final int BLOCK = 1 << 16;

    /**
     * {@code completeEnd}: the offset just after the last newline (0 when there is none); bytes from there to
     * {@code size} are an unterminated (torn) line. {@code lastLine}: the last complete line without its newline,
     * or null when the file has none.
     */
    public record Tail(long size, long completeEnd, byte[] lastLine) {
        public boolean torn() {
            return completeEnd < size;
        }
    }

    private FileTail() {
    }

    public static Tail read(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            long completeEnd = lastNewlineBefore(ch, size) + 1;
            if (completeEnd == 0) {
                return new Tail(size, 0, null);
            }
            long start = lastNewlineBefore(ch, completeEnd - 1) + 1;
            int length = Math.toIntExact(completeEnd - 1 - start);
            ByteBuffer line = ByteBuffer.allocate(length);
            readFully(ch, line, start);
            return new Tail(size, completeEnd, line.array());
        }
    }

    /** The offset of the last newline before {@code end}, or -1. */
    private static long lastNewlineBefore(FileChannel ch, long end) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(BLOCK);
        long blockEnd = end;
        while (blockEnd > 0) {
            long blockStart = Math.max(0, blockEnd - BLOCK);
            buf.clear().limit((int) (blockEnd - blockStart));
            readFully(ch, buf, blockStart);
            for (int i = buf.limit() - 1; i >= 0; i--) {
                if (buf.get(i) == '\n') {
                    return blockStart + i;
                }
            }
            blockEnd = blockStart;
        }
        return -1;
    }

    private static void readFully(FileChannel ch, ByteBuffer buf, long position) throws IOException {
        long at = position;
        while (buf.hasRemaining()) {
            int n = ch.read(buf, at);
            if (n < 0) {
                throw new IOException("file shrank while its end was read");
            }
            at += n;
        }
    }
}

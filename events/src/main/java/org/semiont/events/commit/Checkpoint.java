package org.semiont.events.commit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The point up to which every stream file is durable: all events at or before {@code position}
 * are fsynced in their stream files, and the log continues at {@code segmentFirst}/{@code offset}.
 * Recovery starts there, so startup work is bounded by what was written since.
 */
record Checkpoint(long position, long segmentFirst, long offset) {
    static final Checkpoint START = new Checkpoint(0, 1, 0);
    private static final String FILE = "checkpoint";

    static Checkpoint read(Path dir) throws IOException {
        Path p = dir.resolve(FILE);
        if (!Files.exists(p)) {
            return START;
        }
        String[] parts = Files.readString(p, StandardCharsets.US_ASCII).trim().split(" ");
        if (parts.length != 3) {
            throw new IOException("checkpoint " + p + " is malformed: expected 'position segment offset'");
        }
        return new Checkpoint(Long.parseLong(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2]));
    }

    /** Replaces the checkpoint atomically and durably. */
    void write(Path dir, Syncer syncer) throws IOException {
        DurableFile.write(dir, FILE, (position + " " + segmentFirst + " " + offset + "\n").getBytes(StandardCharsets.US_ASCII),
                syncer);
    }
}

package org.semiont.events.commit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** A small file of the global log's directory, replaced whole and durably: a crash leaves the old one or the new one. */
final class DurableFile {
    private DurableFile() {
    }

    /** Writes a temp file, fsyncs it, renames it over {@code name}, and fsyncs the directory. */
    static void write(Path dir, String name, byte[] content, Syncer syncer) throws IOException {
        Path tmp = dir.resolve(name + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buf = ByteBuffer.wrap(content);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            syncer.sync(ch);
        }
        Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncer.syncDirectory(dir);
    }
}

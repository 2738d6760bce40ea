package org.semiont.ops.restore;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * Makes a finished tree durable: every file, then every folder (deepest first). A restore writes its log without
 * an fsync per append (one per event would cost hours on a large log) and calls this once at the end; a restore cut
 * short is not a restore, so nothing is lost by deferring.
 */
public final class TreeSync {
    private TreeSync() {
    }

    public static void sync(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        List<Path> all;
        try (Stream<Path> walk = Files.walk(root)) {
            all = walk.toList();
        }
        for (Path p : all) {
            if (Files.isRegularFile(p)) {
                try (FileChannel ch = FileChannel.open(p, StandardOpenOption.WRITE)) {
                    ch.force(true);
                }
            }
        }
        for (int i = all.size() - 1; i >= 0; i--) {
            Path p = all.get(i);
            if (Files.isDirectory(p)) {
                try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ)) {
                    ch.force(true);
                } catch (IOException e) {
                    // a file system that cannot open folders: the files themselves are synced
                }
            }
        }
    }
}

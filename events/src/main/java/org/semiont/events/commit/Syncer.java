package org.semiont.events.commit;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** How data reaches the disk. {@link #NONE} is only for tests and benchmarks that measure CPU. */
public interface Syncer {
    void sync(FileChannel channel) throws IOException;

    void syncDirectory(Path dir) throws IOException;

    Syncer FORCE = new Syncer() {
        @Override
        public void sync(FileChannel channel) throws IOException {
            channel.force(false);
        }

        @Override
        public void syncDirectory(Path dir) throws IOException {
            try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
                ch.force(true);
            }
        }
    };

    Syncer NONE = new Syncer() {
        @Override
        public void sync(FileChannel channel) {
        }

        @Override
        public void syncDirectory(Path dir) {
        }
    };
}

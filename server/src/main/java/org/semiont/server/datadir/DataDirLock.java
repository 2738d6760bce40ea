package org.semiont.server.datadir;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Exclusive ownership of a data dir by one process, through an OS file lock on
 * {@code <data-dir>/semiont.lock}. The OS releases the lock when the process dies (even on
 * {@code kill -9}), so a stale file never blocks the next start. The file's content names the owner.
 */
public final class DataDirLock implements AutoCloseable {
    public static final String FILE_NAME = "semiont.lock";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final FileChannel channel;
    private final FileLock lock;

    private DataDirLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The owner of a held lock, as it described itself. */
    public record Owner(long pid, String purpose, String startedAt) {
        public String describe() {
            return "'" + purpose + "' (pid " + pid + ", since " + startedAt + ")";
        }
    }

    /** Takes the lock, or returns empty when another process (or this one) holds it. */
    public static Optional<DataDirLock> tryAcquire(Path dataDir, String purpose) throws IOException {
        Files.createDirectories(dataDir);
        FileChannel ch = FileChannel.open(dataDir.resolve(FILE_NAME), StandardOpenOption.CREATE,
                StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            ch.close();
            return Optional.empty();
        }
        writeOwner(ch, purpose);
        return Optional.of(new DataDirLock(ch, lock));
    }

    /** Who holds (or last held) the lock, if the file says. */
    public static Optional<Owner> readOwner(Path dataDir) {
        try {
            byte[] bytes = Files.readAllBytes(dataDir.resolve(FILE_NAME));
            if (bytes.length == 0) {
                return Optional.empty();
            }
            Map<?, ?> m = JSON.readValue(bytes, Map.class);
            return Optional.of(new Owner(((Number) m.get("pid")).longValue(), String.valueOf(m.get("purpose")),
                    String.valueOf(m.get("startedAt"))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static void writeOwner(FileChannel ch, String purpose) throws IOException {
        Map<String, Object> owner = new LinkedHashMap<>();
        owner.put("pid", ProcessHandle.current().pid());
        owner.put("purpose", purpose);
        owner.put("startedAt", Instant.now().toString());
        byte[] bytes = JSON.writeValueAsBytes(owner);
        ch.truncate(0);
        ch.write(ByteBuffer.wrap(bytes), 0);
        ch.force(true);
    }

    @Override
    public void close() throws IOException {
        try {
            channel.truncate(0);
        } finally {
            lock.release();
            channel.close();
        }
    }
}

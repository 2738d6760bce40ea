package org.semiont.server.datadir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code <data-dir>/run/server-url}: where the running server listens, so CLI verbs that must go through
 * the server (it owns the event log while it runs) can find it.
 */
public final class ServerAddress implements AutoCloseable {
    private final Path file;

    private ServerAddress(Path file) {
        this.file = file;
    }

    public static Path file(Path dataDir) {
        return dataDir.resolve("run").resolve("server-url");
    }

    public static ServerAddress publish(Path dataDir, String url) {
        Path f = file(dataDir);
        try {
            AtomicFiles.write(f, (url + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + f + ": " + e.getMessage(), e);
        }
        return new ServerAddress(f);
    }

    public static Optional<String> read(Path dataDir) {
        Path f = file(dataDir);
        try {
            return Files.exists(f) ? Optional.of(Files.readString(f, StandardCharsets.UTF_8).trim()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a stale file only costs a failed connection attempt, reported with the URL
        }
    }
}

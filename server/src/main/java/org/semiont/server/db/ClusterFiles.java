package org.semiont.server.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Facts read from a PostgreSQL cluster directory. */
final class ClusterFiles {
    private ClusterFiles() {
    }

    static boolean isInitialized(Path cluster) {
        return Files.isRegularFile(cluster.resolve("PG_VERSION"))
                && Files.isRegularFile(cluster.resolve("postgresql.conf"))
                && Files.isRegularFile(cluster.resolve("global").resolve("pg_control"));
    }

    /** The postmaster's pid from {@code postmaster.pid} (first line), if the file exists and parses. */
    static Optional<Long> postmasterPid(Path cluster) {
        try {
            List<String> lines = Files.readAllLines(cluster.resolve("postmaster.pid"));
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}

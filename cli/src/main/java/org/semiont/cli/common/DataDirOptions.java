package org.semiont.cli.common;

import java.nio.file.Files;
import java.nio.file.Path;
import org.semiont.server.config.Environment;
import picocli.CommandLine.Option;

/**
 * {@code --data-dir} for every verb that touches data. Precedence: the flag, then
 * {@code SEMIONT_DATA_DIR}, then {@code ./data}. Use with {@code @Mixin}.
 */
public final class DataDirOptions {
    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Data directory (default: $SEMIONT_DATA_DIR or ./data).")
    Path dataDir;

    public Path dataDir() {
        if (dataDir != null) {
            return dataDir.toAbsolutePath().normalize();
        }
        return Environment.system().dataDir();
    }

    /** The data dir of a verb that only works on existing data: a mistyped path must not become a new data dir. */
    public Path existingDataDir() {
        return requireExisting(dataDir());
    }

    public static Path requireExisting(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new CliException(ExitCodes.FAILURE, "data directory " + dir
                    + " does not exist; pass --data-dir or set SEMIONT_DATA_DIR ('semiont start' creates one)");
        }
        return dir;
    }
}

package org.semiont.events.commit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * The log's identity: a random UUID written once, when a log is first opened for writing, to {@code log-id} beside the
 * global log. Projections elsewhere (a PostgreSQL database) record which log they follow, so a database is never
 * silently fed by two logs, or by a log that is not the one it was built from.
 */
public final class LogIdentity {
    static final String FILE = "log-id";

    private LogIdentity() {
    }

    /** The identity in {@code walDir}, or null when the log has none yet (never opened for writing since). */
    public static String read(Path walDir) throws IOException {
        Path p = walDir.resolve(FILE);
        if (!Files.exists(p)) {
            return null;
        }
        String text = Files.readString(p, StandardCharsets.US_ASCII).trim();
        try {
            return UUID.fromString(text).toString();
        } catch (IllegalArgumentException e) {
            throw new IOException(p + " is malformed: expected one UUID, found \"" + (text.length() > 40
                    ? text.substring(0, 40) + "…" : text) + "\"");
        }
    }

    /** The identity in {@code walDir}, created there durably first if it has none. */
    static String readOrCreate(Path walDir, Syncer syncer) throws IOException {
        String known = read(walDir);
        if (known != null) {
            return known;
        }
        String id = UUID.randomUUID().toString();
        DurableFile.write(walDir, FILE, (id + "\n").getBytes(StandardCharsets.US_ASCII), syncer);
        return id;
    }
}

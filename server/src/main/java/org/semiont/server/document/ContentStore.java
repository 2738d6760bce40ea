package org.semiont.server.document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.semiont.events.jsonl.StreamLayout;
import org.semiont.server.datadir.AtomicFiles;
import org.semiont.server.error.DomainException;
import org.semiont.server.logging.Throttled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Raw document bytes, content-addressed: {@code <data-dir>/documents/<ab>/<cd>/<id>.dat} (the original's layout). The
 * id is the SHA-256 of the bytes, so every read checks them against it: a file damaged or changed outside Semiont is
 * an error, never served as the document. Storing the same content again repairs a damaged file.
 */
public final class ContentStore {
    private static final Logger log = LoggerFactory.getLogger(ContentStore.class);
    /** Per damaged file, so each one is named; bounded, since a bad disk may damage many. */
    private final Map<Path, Throttled> damagedReads = new ConcurrentHashMap<>();
    private final Path root;

    public ContentStore(Path dataDir) {
        this.root = dataDir.resolve("documents");
    }

    public static String idOf(byte[] content) {
        return DocumentIds.PREFIX + sha256(content);
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Stores the bytes (atomically, once); returns the document id. */
    public String put(byte[] content) {
        String id = idOf(content);
        Path file = file(id);
        try {
            if (!Files.exists(file)) {
                AtomicFiles.write(file, content);
            } else if (!intact(id, Files.readAllBytes(file))) {
                AtomicFiles.write(file, content);
                log.warn("Content file {} did not match its checksum; stored again from the bytes just received", file);
            }
        } catch (IOException e) {
            // the cause names paths, which stay in the server's log; nothing was written to the event log yet
            log.error("Cannot store the content of {} in {}", id, file, e);
            throw DomainException.unavailable("The server cannot store document content right now "
                    + "(its log has the cause: a full disk, say); nothing was saved. Try again later");
        }
        return id;
    }

    public Optional<byte[]> get(String id) {
        if (!DocumentIds.isValid(id)) {
            return Optional.empty();
        }
        Path file = file(id);
        byte[] bytes;
        try {
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read content of " + id + " from " + file + ": " + e.getMessage(), e);
        }
        if (!intact(id, bytes)) {
            if (damagedReads.size() > 10_000) {
                damagedReads.clear();
            }
            Throttled lines = damagedReads.computeIfAbsent(file, f -> new Throttled(Duration.ofMinutes(1)));
            long skipped = lines.admit();
            if (skipped != Throttled.SUPPRESSED) {
                log.error("Content file {} does not match its checksum (damaged or changed outside Semiont): not served{}",
                        file, lines.since(skipped));
            }
            throw DomainException.corrupted("The stored content of " + id + " does not match its "
                    + "checksum: the file was damaged or changed outside Semiont. Uploading the same content again repairs "
                    + "it; otherwise restore it from a backup");
        }
        return Optional.of(bytes);
    }

    private static boolean intact(String id, byte[] bytes) {
        return id.equals(idOf(bytes));
    }

    private Path file(String id) {
        String shard = StreamLayout.shard(id);
        return root.resolve(shard.substring(0, 2)).resolve(shard.substring(2)).resolve(id + ".dat");
    }
}

package org.semiont.server.document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.semiont.events.jsonl.StreamLayout;
import org.semiont.server.datadir.AtomicFiles;

/** Raw document bytes, content-addressed: {@code <data-dir>/documents/<ab>/<cd>/<id>.dat} (the original's layout). */
public final class ContentStore {
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
        if (!Files.exists(file)) {
            try {
                AtomicFiles.write(file, content);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot store content of " + id + " in " + file + ": " + e.getMessage(), e);
            }
        }
        return id;
    }

    public Optional<byte[]> get(String id) {
        if (!DocumentIds.isValid(id)) {
            return Optional.empty();
        }
        Path file = file(id);
        try {
            return Files.exists(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read content of " + id + " from " + file + ": " + e.getMessage(), e);
        }
    }

    private Path file(String id) {
        String shard = StreamLayout.shard(id);
        return root.resolve(shard.substring(0, 2)).resolve(shard.substring(2)).resolve(id + ".dat");
    }
}

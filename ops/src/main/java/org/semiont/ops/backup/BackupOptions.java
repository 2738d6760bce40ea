package org.semiont.ops.backup;

/**
 * @param full            a full backup even when an incremental one could be taken
 * @param includeSecrets  copy the data dir's {@code secrets/} (the JWT secret) into the backup
 * @param chunkBytes      size at which a log chunk file is closed and the next begun
 */
public record BackupOptions(boolean full, boolean includeSecrets, long chunkBytes) {
    public static final long DEFAULT_CHUNK_BYTES = 64L << 20;

    public BackupOptions {
        if (chunkBytes <= 0) {
            throw new IllegalArgumentException("chunkBytes must be positive, got " + chunkBytes);
        }
    }

    public static BackupOptions defaults() {
        return new BackupOptions(false, false, DEFAULT_CHUNK_BYTES);
    }

    public BackupOptions withFull(boolean f) {
        return new BackupOptions(f, includeSecrets, chunkBytes);
    }

    public BackupOptions withSecrets(boolean s) {
        return new BackupOptions(full, s, chunkBytes);
    }

    public BackupOptions withChunkBytes(long n) {
        return new BackupOptions(full, includeSecrets, n);
    }
}

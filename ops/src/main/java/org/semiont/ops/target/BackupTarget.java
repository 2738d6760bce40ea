package org.semiont.ops.target;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * Where backups are kept, addressed by keys ({@code a/b/c}, forward slashes). Files are written once and never
 * changed; only the manifest is written with {@link #putAtomically}, so a reader sees a whole manifest or none.
 */
public interface BackupTarget {
    /** The target as the operator wrote it, for messages. */
    String describe();

    boolean exists(String key) throws IOException;

    /** Every key under {@code prefix} (recursively), sorted. */
    List<String> list(String prefix) throws IOException;

    InputStream open(String key) throws IOException;

    /** A new file; what is written is durable once the stream is closed. */
    OutputStream create(String key) throws IOException;

    /** Writes a whole file so that readers see all of it or nothing. */
    void putAtomically(String key, byte[] bytes) throws IOException;

    void delete(String key) throws IOException;

    /** Holds the target for one writer (backup, prune) until closed; throws if another holds it. */
    AutoCloseable lock(String purpose) throws IOException;
}
